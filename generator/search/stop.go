package search

// stopTerms are the terms of the commonest English function words, as
// the stemmer leaves them. Their positions are not kept, which makes the
// index a third smaller: a phrase checks the places of its other terms
// and only asks that its stop words be in the article (FORMAT.md
// sections 5 and 11.2).
var stopTerms = map[string]bool{}

// stopList is FORMAT.md's list, in its order.
const stopList = "a an and are as at be been but by for from had has hav he her his in is it its not of on or said she that the their they this to was wer which who will with would"

func init() {
	for _, t := range splitSpaces(stopList) {
		stopTerms[t] = true
	}
}

func splitSpaces(s string) []string {
	var out []string
	start := 0
	for i := 0; i <= len(s); i++ {
		if i == len(s) || s[i] == ' ' {
			if i > start {
				out = append(out, s[start:i])
			}
			start = i + 1
		}
	}
	return out
}
