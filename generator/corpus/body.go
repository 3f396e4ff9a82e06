package corpus

// sentences are the body's sentence templates (see writer.expand). Some
// quote people with curly quotes, as news sites print them; some mention
// days and months, so that dates can be inferred from the text.
var sentences = []string{
	"%A %V %T %W, a move that surprised %G.",
	"While it is unclear exactly what that means, the decision on %T was taken %R, according to %G.",
	"For nearly a year, %a had promoted %T as a turning point, but the picture has since changed.",
	"According to a report by %U, %a acknowledged the lack of any real progress on %X.",
	"“%q,” %P said %W.",
	"%F, an expert based in %K, told %U that “%Q.”",
	"The decision followed pressure from %K, where %G had questioned %T for months.",
	"Interestingly, the official readout omitted any mention of %X.",
	"However, %G noted that %a is still signalling a willingness to revisit %T.",
	"Critics argue that the change comes too late for %G, who have warned about %X since %Y.",
	"Supporters say it could save up to %n million euros a year.",
	"Some %n percent of those surveyed said they backed the plan, down from %n percent a year earlier.",
	"The move comes as %a faces fresh questions over %X.",
	"%A has repeatedly described %T as the only acceptable basis for further talks.",
	"Officials in %K declined to comment on the record.",
	"By pushing ahead with %T, %a hopes to move the debate away from %X.",
	"Despite its advantages, %a has struggled to turn promises into results.",
	"Experts believe this explains why %a is eager to settle the matter quickly.",
	"The next round of talks is expected in %K %N.",
	"In its %D update, %G said the situation remained fragile and could change quickly.",
	"Since %H, %G have watched %T with growing concern.",
	"Neither side has published the full text of what was agreed.",
	"A spokesperson for %a said the details would be released %N.",
	"%F, who has followed the issue for years, called it “a turning point.”",
	"Data published %W showed a sharp rise in complaints about %X.",
	"That leaves %G with little room to manoeuvre.",
	"The issue is expected to return to the agenda when ministers meet in %K %N.",
	"Asked about %T %W, %a said only that “%Q.”",
	"%A changed course on %T %R.",
	"“%q,” said %F, “and everyone in %K knows it.”",
	"The figures, first reported by %U, suggest the gap has widened to %n percent.",
	"It is not the first time %T has divided %G.",
	"Markets reacted cautiously, with shares in %K little changed by the close.",
	"The row has exposed deep divisions between %G and %G.",
	"%A did not respond to a request for comment.",
	"Observers in %K say the timing is no accident.",
	"The proposal would need the support of %G before it can take effect.",
	"Behind the scenes, %G have been lobbying hard against %X.",
	"A similar plan was shelved in %Y after months of wrangling.",
	"The reaction in %K was swift.",
	"Analysts quoted by %U estimate the cost at %n billion euros over five years.",
	"Few expect a quick resolution.",
	"For %G, the stakes could hardly be higher.",
	"%F, a former adviser, urged %a to think again.",
	"The announcement came just hours after %G met in %K.",
	"At least %n reports on %T have been commissioned since %H.",
	"It remains unclear how the plan will be paid for.",
	"“%q,” the statement said.",
	"Officials in %L said the %w of %T would be reviewed by a %w panel.",
	"%S, who runs a %w office in %L, said the %w had been %w for years.",
	"The %w and %w rules, drafted in %L, were %w %W.",
	"Local papers in %L described the %w as a %w setback for %a.",
	"Residents of %L and %L complained of %w %w and rising %w costs.",
	"The dispute over %w %w has dragged on since %Y.",
	"%S said the %w report was %w and that the %w should be published.",
	"A %w study from %L found the %w effect was smaller than expected.",
	"Much of the debate turned on the %w clause and its %w exemptions.",
	"%S of the %w association in %L called for a %w inquiry.",
	"The %w scheme, piloted in %L, has already cost %n million euros.",
	"Some in %L worry that %w %w will follow.",
}

// paragraph writes one paragraph of at least min sentences that stops
// once it holds goal words, and returns its word count.
func (w *writer) paragraph(goal, min int) int {
	n := 0
	for s := 0; s < min || n < goal; s++ {
		if s > 0 {
			w.buf = append(w.buf, ' ')
		}
		from := len(w.buf)
		w.expand(sentences[w.nextSentence()])
		n += words(w.buf[from:])
	}
	return n
}

// body writes the paragraphs, subheadings, lists and chrome of a seed's
// body, holding at least goal words of paragraphs, and returns how many
// it holds.
func (w *writer) body(goal int) int {
	headings := w.between(2, 4)
	paras := max(headings+3, goal/w.between(55, 95))
	listAfter, chromeAfter := -1, -1
	if w.chance(0.2) {
		listAfter = w.between(0, paras-2)
	}
	if w.chance(0.5) {
		chromeAfter = w.between(1, paras-2)
	}
	total, h := 0, 0
	for p := 0; p < paras; p++ {
		if h < headings && p == (h+1)*paras/(headings+1) {
			w.subheading()
			h++
		}
		total += w.nextParagraph(goal-total, paras-p)
		w.block()
		if p == listAfter {
			w.list()
		}
		if p == chromeAfter {
			w.midChrome()
		}
	}
	return total
}

// nextParagraph writes one of the left paragraphs that remain to fill
// need words: an even share of what is left, or a single sentence once
// the body is long enough.
func (w *writer) nextParagraph(need, left int) int {
	if need <= 0 {
		return w.paragraph(0, 1)
	}
	if left == 1 {
		return w.paragraph(need, 1)
	}
	return w.paragraph(need/left, 2)
}

// nextSentence deals the sentence templates like a shuffled deck, so that
// a sentence does not come back until every other one has been used.
func (w *writer) nextSentence() int {
	if len(w.deck) == 0 {
		w.deck = w.rng.Perm(len(sentences))
	}
	k := w.deck[0]
	w.deck = w.deck[1:]
	return k
}

// subheading writes one of the subheadings, never the same twice in a
// seed.
func (w *writer) subheading() {
	if w.heads == nil {
		w.heads = w.rng.Perm(len(subheads))
	}
	w.expand(subheads[w.heads[0]])
	w.heads = w.heads[1:]
	w.block()
}

// listMarkers are the ways a scraped page marks list items.
var listMarkers = []string{"- ", "• ", "* ", "1. ", "1) "}

// list writes a short list, one item a line, introduced by a paragraph.
func (w *writer) list() {
	w.expand("%A set out its plans %W. The package includes the following measures:")
	w.block()
	marker := w.pick(listMarkers)
	n := w.between(3, 5)
	for k := 1; k <= n; k++ {
		if k > 1 {
			w.buf = append(w.buf, '\n')
		}
		if marker[0] == '1' {
			w.buf = append(w.buf, byte('0'+k), marker[1], ' ')
		} else {
			w.buf = append(w.buf, marker...)
		}
		from := len(w.buf)
		w.expand(w.pick(listItems))
		w.buf[from] = upperByte(w.buf[from])
	}
	w.block()
}

func upperByte(c byte) byte {
	if c >= 'a' && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}
