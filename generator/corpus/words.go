package corpus

// desk is one section of the synthetic newsroom: its category name as the
// breadcrumb shows it, and who and what its headlines are about. Actors
// and subjects of different desks never repeat one another, so that no
// two desks can write the same headline.
type desk struct {
	category string
	actors   []string
	subjects []string
}

// desks are the categories, a dozen and one, several of them of more
// than one word, as real news sites name their sections.
var desks = []desk{
	{"War",
		[]string{"The Pentagon", "NATO's secretary general", "Israel's military", "Sudan's army", "The Houthi movement", "Iran's Revolutionary Guard", "Taiwan's defence minister", "The UN Security Council", "Armenia's government", "The Wagner Group"},
		[]string{"ceasefire talks", "drone strikes", "the peace plan", "arms shipments", "the prisoner exchange", "the border buffer zone", "the air defence pledge", "the naval blockade", "the troop withdrawal", "missile tests"}},
	{"Ukraine War",
		[]string{"Putin", "Zelensky", "The Kremlin", "Ukraine's army", "Kyiv", "Moscow", "Russia's defence ministry", "Ukraine's foreign minister", "The Institute for the Study of War", "Russia's top general"},
		[]string{"the deal with Trump", "the Spirit of Anchorage", "the Kursk offensive", "the grain corridor", "front-line logistics", "frozen Russian assets", "strikes on power plants", "mobilisation plans", "the Alaska Summit proposals", "Black Sea shipping"}},
	{"Politics",
		[]string{"The Senate", "The White House", "The Speaker", "The Labour leadership", "The Conservative party", "The Supreme Court", "The governor of Texas", "The opposition leader", "The prime minister", "The Democratic leadership"},
		[]string{"the budget bill", "voting rules", "a snap election", "the immigration overhaul", "term limits", "campaign finance rules", "the shutdown deadline", "judicial appointments", "the tax package", "a recall petition"}},
	{"World",
		[]string{"The United Nations", "China", "India", "Brazil's president", "The African Union", "Japan", "Mexico's government", "Canada", "Turkey", "Indonesia"},
		[]string{"the aid package", "the trade pact", "visa rules", "the refugee plan", "the debt relief deal", "border controls", "the census results", "the embassy move", "the disaster response", "the water-sharing treaty"}},
	{"Business & Economy",
		[]string{"The Federal Reserve", "The European Central Bank", "Apple", "Tesla", "Amazon", "The IMF", "Germany's finance ministry", "Shell", "Boeing", "Nvidia"},
		[]string{"interest rates", "the merger", "quarterly profits", "job cuts", "the chip supply deal", "inflation targets", "fuel prices", "the bond sale", "the pension reform", "import tariffs"}},
	{"Science & Tech",
		[]string{"NASA", "OpenAI", "The European Space Agency", "Google", "CERN", "SpaceX", "Microsoft", "Meta", "The EU's digital regulator", "Samsung"},
		[]string{"the Moon lander", "AI safety rules", "the quantum chip", "the data centre plan", "the satellite network", "encryption standards", "the Mars sample mission", "the battery breakthrough", "facial recognition", "app store fees"}},
	{"Health",
		[]string{"The WHO", "The NHS", "The FDA", "Pfizer", "The health secretary", "Moderna", "The CDC", "The British Medical Association", "Novo Nordisk", "The EU medicines agency"},
		[]string{"the bird flu vaccine", "waiting lists", "weight-loss drugs", "the measles outbreak", "hospital funding", "drug pricing", "the cancer screening programme", "mental health services", "the malaria jab", "nurse pay"}},
	{"Climate",
		[]string{"The UN climate body", "The EU", "China's environment ministry", "Greenpeace", "The IEA", "Australia", "The Met Office", "BP", "Norway", "California"},
		[]string{"the coal phase-out", "emissions targets", "the heatwave plan", "the carbon tax", "offshore wind farms", "the methane pledge", "flood defences", "the deforestation ban", "electric car subsidies", "the COP deal"}},
	{"Sport",
		[]string{"FIFA", "The IOC", "Manchester United", "Real Madrid", "UEFA", "The NBA", "Wimbledon", "The Premier League", "Formula One", "The England coach"},
		[]string{"the transfer record", "the World Cup bid", "doping sanctions", "the broadcast deal", "the stadium plan", "salary cap rules", "the Olympic venue", "ticket prices", "the VAR overhaul", "the title race"}},
	{"Culture",
		[]string{"Netflix", "The Louvre", "The BBC", "The Cannes jury", "Taylor Swift", "The British Museum", "Spotify", "Disney", "The Booker Prize panel", "The Venice Biennale"},
		[]string{"the streaming deal", "the stolen painting", "licence fee plans", "the world tour", "the looted artefacts", "artist royalties", "the festival line-up", "the sequel", "the shortlist", "the restoration project"}},
	{"Europe",
		[]string{"Brussels", "Macron", "The German chancellor", "Poland", "The European Commission", "Hungary's Orbán", "Italy's Meloni", "Spain", "The Dutch government", "The European Parliament"},
		[]string{"the migration pact", "farm subsidies", "the rule-of-law fund", "the gas price cap", "the enlargement plan", "the defence fund", "Schengen checks", "the budget rebate", "the green deal", "the digital services act"}},
	{"Middle East",
		[]string{"Israel", "Hamas", "Iran", "Saudi Arabia", "Egypt", "Qatar", "The Palestinian Authority", "Lebanon", "Jordan", "The Gulf Cooperation Council"},
		[]string{"the hostage deal", "the Gaza truce", "the nuclear talks", "oil output", "the Rafah crossing", "the normalisation deal", "aid convoys", "the naval patrols", "the reconstruction fund", "the embassy talks"}},
	{"Opinion",
		[]string{"Europe", "The West", "Washington", "The left", "The right", "Big Tech", "The media", "Every government", "The central bank", "Britain"},
		[]string{"the truth about inflation", "its China problem", "the housing crisis", "free speech", "the four-day week", "the energy transition", "the pension time bomb", "remote work", "the culture war", "the AI hype"}},
}

// verb is a headline verb phrase in the third person ("admits") and in
// the base form ("admit"), for headlines such as "X to admit Y".
type verb struct{ third, base string }

var verbs = []verb{
	{"admits", "admit"}, {"rejects", "reject"}, {"backs", "back"}, {"questions", "question"},
	{"delays", "delay"}, {"approves", "approve"}, {"defends", "defend"}, {"unveils", "unveil"},
	{"warns over", "warn over"}, {"weighs", "weigh"}, {"scraps", "scrap"}, {"expands", "expand"},
	{"signals shift on", "signal a shift on"}, {"doubles down on", "double down on"},
	{"faces backlash over", "face backlash over"}, {"quietly drops", "quietly drop"},
	{"launches review of", "launch a review of"}, {"pushes back on", "push back on"},
	{"cuts funding for", "cut funding for"}, {"revives", "revive"}, {"blocks", "block"},
	{"pauses", "pause"}, {"fast-tracks", "fast-track"}, {"calls for vote on", "call a vote on"},
	{"sets deadline for", "set a deadline for"}, {"clashes with allies over", "clash with allies over"},
	{"U-turns on", "U-turn on"}, {"bets big on", "bet big on"}, {"rules out", "rule out"},
	{"hints at", "hint at"}, {"slams", "slam"}, {"demands answers on", "demand answers on"},
	{"probes", "probe"}, {"softens stance on", "soften its stance on"}, {"hardens stance on", "harden its stance on"},
	{"seeks talks on", "seek talks on"}, {"sues over", "sue over"}, {"stalls on", "stall on"},
	{"walks back", "walk back"}, {"embraces", "embrace"},
}

// settings end a headline: where, when or against what it happens.
var settings = []string{
	"at Alaska Summit", "in Brussels", "after three-day talks", "amid growing pressure",
	"as deadline looms", "despite warnings", "for the first time", "ahead of key vote",
	"in surprise move", "after months of delay", "as protests spread", "after leaked memo",
	"in late-night deal", "as allies waver", "after court ruling", "amid record heat",
	"before summer recess", "in closed-door meeting", "as markets slide", "after poll slump",
	"in televised interview", "on eve of summit", "as costs soar", "after whistleblower claims",
	"amid security fears", "in bid to calm markets", "as talks collapse", "after election upset",
	"at emergency meeting", "as winter nears", "in rare rebuke", "after satellite images emerge",
	"amid staff shortages", "as rivals close in", "after surprise resignation", "in shift from past policy",
	"under fire from critics", "as inflation bites", "over the weekend", "behind closed doors",
}

var firstNames = []string{
	"Anna", "Pavel", "Maria", "James", "Olena", "Ruslan", "Sophie", "David", "Amira", "Kenji",
	"Lucía", "Tomasz", "Grace", "Ibrahim", "Elena", "Marco", "Priya", "Jonas", "Fatima", "Daniel",
	"Chloé", "Yusuf", "Hannah", "Mateo", "Ingrid", "Samuel", "Aisha", "Viktor", "Nora", "Oliver",
}

var lastNames = []string{
	"Keller", "Zarubin", "Leviev", "Novak", "Okafor", "Bianchi", "Tanaka", "Kowalski", "Haddad", "Moreau",
	"Petrenko", "Fischer", "Silva", "O'Brien", "Lindqvist", "Rahman", "García", "Nakamura", "Schulz", "Adeyemi",
	"Dubois", "Horvat", "Jansen", "Costa", "Ivanova", "Murphy", "Yilmaz", "Berg", "Santos", "Clarke",
}

var roles = []string{
	"analyst", "senior official", "spokesperson", "economist", "researcher", "professor",
	"former ambassador", "lawmaker", "union leader", "campaigner", "chief executive", "commentator",
}

var outlets = []string{
	"The Washington Post", "Reuters", "the BBC", "Kommersant", "Le Monde", "the Financial Times",
	"Al Jazeera", "The Guardian", "Der Spiegel", "the Associated Press", "NHK", "El País",
}

var places = []string{
	"Washington", "Brussels", "Kyiv", "Moscow", "Beijing", "London", "Paris", "Berlin", "Warsaw",
	"Ankara", "Cairo", "Tokyo", "New Delhi", "Brasília", "Nairobi", "Geneva", "Doha", "Ottawa",
	"Zürich", "Kraków", "São Paulo", "Malmö", "Reykjavík", "Córdoba", "Besançon", "Düsseldorf",
}

var groups = []string{
	"the think tank", "the ministry", "officials in the capital", "the committee", "the regulator",
	"independent observers", "senior diplomats", "the auditors", "local authorities", "the coalition",
	"industry groups", "opposition figures", "the markets", "investors", "voters", "the unions",
}

var claims = []string{
	"there really were no agreements", "the talks had stalled long before the summer",
	"costs will rise again next year", "nobody expected the decision to come so soon",
	"the numbers simply do not add up", "the pressure has been building for months",
	"the plan was never properly funded", "time is on our side", "the risks were known from the start",
	"the compromise satisfies nobody", "the public deserves a clearer answer",
	"the old rules no longer work", "the window for a deal is closing", "the damage is already done",
	"we are ready to resume talks", "the proposal goes further than anyone thought",
	"the initiative has shifted", "this is only the first step", "the evidence points the other way",
	"the reform will take years to pay off",
}

var reasons = []string{
	"because the money has run out", "after pressure from its allies", "to avoid a wider dispute",
	"since the last round of talks failed", "as public support slipped", "under a tight legal deadline",
	"while the economy was slowing", "to win over sceptical partners", "in an attempt to regain the initiative",
	"after a series of setbacks", "amid a wave of criticism", "to calm nervous investors",
}

var subheads = []string{
	"Pressure from %K", "Stalled on every front", "A costly gamble", "What the numbers show",
	"The view from %K", "A shift in tone", "Old promises, new doubts", "Behind the decision",
	"The cost of waiting", "Mixed signals", "A fragile consensus", "Counting the cost",
	"Why admit it now?", "What happens next?", "Who pays for it?", "Can the plan survive?",
	"Is the deal already dead?", "What changed in %K?", "Who stands to gain?", "How did it come to this?",
}

var listItems = []string{
	"a freeze on new permits", "%n new inspectors by the end of the year", "a review of %X",
	"stricter reporting rules", "a fund worth %n billion euros", "talks with %K every month",
	"an independent audit", "new limits on %X", "a public consultation", "a hotline for complaints",
	"support for small firms", "a cap on emergency spending", "closer ties with %K",
}

var tagWords = []string{
	"Russia", "Ukraine", "NATO", "Diplomacy", "Energy", "Elections", "Inflation", "AI", "Football",
	"Migration", "Trade", "Defence", "Climate change", "Public health", "Space", "Markets", "Courts",
	"Human rights", "Film", "Music", "Oil", "Farming", "Housing", "Tax", "Education", "Transport",
	"Cybersecurity", "Sanctions", "China", "European Union", "United States", "Middle East",
	"Technology", "Banking", "Employment", "Wildlife",
}

var chromePromos = []string{
	"Share this article", "Advertisement", "Subscribe to our newsletter", "Follow us on Telegram", "Sponsored",
}
