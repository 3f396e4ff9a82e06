package corpus

import "strings"

// headline is what a seed's title is made of: a desk, an actor and a
// subject of that desk, a verb, a setting and a template.
type headline struct {
	desk           *desk
	actor, subject string
	verb           verb
	setting        string
	form           int
}

// forms are the headline templates. Each uses every part of a headline,
// so that two different headlines never make the same title. %A is the
// actor as it starts a sentence, %a the actor inside one, %V and %B the
// verb in the third person and in the base form, %O the subject, %C the
// setting.
var forms = []string{
	"%A %V %O %C",
	"%A %V %O %C, officials say",
	"Why %a %V %O %C",
	"%A to %B %O %C",
	"Explainer: what it means as %a %V %O %C",
	"%A %V %O %C — here’s what we know",
	"Analysis: %a %V %O %C, but for how long?",
	"How %a came to %B %O %C",
	"%A %V %O %C: what happens next?",
	"Live: %a %V %O %C",
	"Report: %a %V %O %C",
	"Will %a %B %O %C?",
}

// headlineSpace is how many different headlines there are; titles repeat
// only past that many seeds.
var headlineSpace = len(desks) * len(desks[0].actors) * len(verbs) * len(desks[0].subjects) * len(settings) * len(forms)

// stride scatters consecutive seed numbers over the headline space. It
// shares no factor with headlineSpace (2, 3, 5 and 13), so i*stride mod
// headlineSpace is one-to-one: neighbours get unrelated headlines, and
// none repeats.
const stride = 7919027

// headlineOf picks seed i's headline: i is mapped one-to-one onto the
// headline space, and the result read as a number whose digits are the
// indexes into each word list.
func headlineOf(i int) headline {
	x := (i*stride + 12345) % headlineSpace
	digit := func(n int) int {
		d := x % n
		x /= n
		return d
	}
	h := headline{}
	h.form = digit(len(forms))
	h.setting = settings[digit(len(settings))]
	h.verb = verbs[digit(len(verbs))]
	h.desk = &desks[digit(len(desks))]
	h.actor = h.desk.actors[digit(len(h.desk.actors))]
	h.subject = h.desk.subjects[digit(len(h.desk.subjects))]
	return h
}

// title writes the headline out.
func (h headline) title() string {
	f := forms[h.form]
	var b strings.Builder
	b.Grow(len(f) + 80)
	for i := 0; i < len(f); i++ {
		if f[i] != '%' || i+1 == len(f) {
			b.WriteByte(f[i])
			continue
		}
		i++
		switch f[i] {
		case 'A':
			b.WriteString(upperFirst(h.actor))
		case 'a':
			b.WriteString(inSentence(h.actor))
		case 'V':
			b.WriteString(h.verb.third)
		case 'B':
			b.WriteString(h.verb.base)
		case 'O':
			b.WriteString(h.subject)
		case 'C':
			b.WriteString(h.setting)
		}
	}
	return b.String()
}

// inSentence is a name as it stands inside a sentence: "The Senate"
// becomes "the Senate"; proper names stay as they are.
func inSentence(s string) string {
	if strings.HasPrefix(s, "The ") {
		return "the " + s[4:]
	}
	return s
}

func upperFirst(s string) string {
	if s != "" && s[0] >= 'a' && s[0] <= 'z' {
		return string(s[0]-'a'+'A') + s[1:]
	}
	return s
}
