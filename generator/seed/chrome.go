package seed

import (
	"fmt"
	"strings"
)

// chromePatterns is the one table of site chrome: lines that a news page
// shows around an article but that are not the article (ad labels, promos,
// share and follow prompts, navigation). Each pattern must match the whole
// line, case aside. A site's config adds its own with NewRules.
var chromePatterns = []string{
	// Ad labels.
	`ads? by .+`,
	`(advertisement|advertising|ad|anzeige|publicité)`,
	`(sponsored|sponsored content|paid content|promoted|partner content)( by .+)?`,
	`(story|article|text) continues below( (the )?advertisement)?`,
	`continue reading( below| the (main )?story)?`,
	// Promos.
	`(read|see) (also|more)( about| on| at)?\s*([:|»›>–—-].*)?`,
	`also read\s*([:|»›>–—-].*)?`,
	`related( articles?| stories| content| news| coverage| reading| posts| links)?\s*([:|»›>–—-].*)?`,
	`(more from|more on|recommended|recommended for you|you may also like|you might also like|don't miss|don’t miss|most read|most popular|trending( now)?|top stories|latest news|editor'?s picks|editor’s picks)\s*:?`,
	`watch( now| video)?\s*:.*`,
	// Share, follow and subscribe prompts.
	`share (this|the) (article|story|post|page)( on .+)?`,
	`(share|tweet|email|e-mail|print|copy link|facebook|twitter|x|whatsapp|linkedin|telegram|reddit|pinterest)`,
	`share on (facebook|twitter|x|whatsapp|linkedin|telegram|reddit|email|e-mail)`,
	`(subscribe|sign up)( (to|for))?( our| the)? (free )?(daily |weekly )?(newsletters?|updates|alerts|channel)\b.*`,
	`(subscribe|sign up|sign in|log in|register|subscribe now)`,
	`follow us( on .+)?`,
	`follow (@\S+|[^ ]+) on (facebook|twitter|x|instagram|telegram|google news|youtube|tiktok|linkedin|threads|bluesky).*`,
	// Page furniture.
	`(comments?|\d+ comments?|leave a comment|show comments|view comments|add comment)`,
	`(skip to (main )?content|menu|search|back to top|close|next article|previous article)`,
	`we use cookies.*`,
	`(click|tap) here to (subscribe|sign up|read more|follow|download).*`,
}

// Rules tells site chrome from article text. Build it once with NewRules.
type Rules struct {
	patterns []linePattern
}

// NewRules compiles the built-in chrome patterns and the extra ones from a
// site's config. Like the built-in ones, an extra pattern must match a
// whole line, case aside; a bad one is reported by its position and text.
func NewRules(extra []string) (*Rules, error) {
	r := &Rules{}
	for _, p := range chromePatterns {
		lp, err := wholeLine(p)
		if err != nil {
			panic(err)
		}
		r.patterns = append(r.patterns, lp)
	}
	for i, p := range extra {
		lp, err := wholeLine(p)
		if err != nil {
			return nil, fmt.Errorf("import.chrome[%d]: bad pattern %q: %v", i, p, err)
		}
		r.patterns = append(r.patterns, lp)
	}
	return r, nil
}

func wholeLine(p string) (linePattern, error) {
	return compileLine(`(?i)^(?:` + p + `)$`)
}

var defaultRules, _ = NewRules(nil)

// IsChrome reports whether a line of a seed is site chrome.
func (r *Rules) IsChrome(line string) bool {
	line = strings.TrimSpace(line)
	for i := range r.patterns {
		if r.patterns[i].match(line) {
			return true
		}
	}
	return false
}
