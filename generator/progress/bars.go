package progress

import (
	"fmt"
	"io"
	"time"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// barOptions show a stage's count, total, percent, rate and time left,
// figured as the plain lines figure them. A done stage's rate stays as
// it ended.
func barOptions(s *stage, now func() time.Time) []mpb.BarOption {
	figures := func(st decor.Statistics) string {
		end := now()
		if ns := s.end.Load(); ns != 0 {
			end = time.Unix(0, ns)
		}
		pct, rate, left := rates(st.Current, st.Total, end.Sub(s.start))
		if s.end.Load() != 0 {
			left = "done"
		}
		return fmt.Sprintf("%4s  %s  %s", pct, rate, left)
	}
	return []mpb.BarOption{
		mpb.PrependDecorators(
			decor.Name(s.name, decor.WC{W: 7, C: decor.DindentRight}),
			decor.CountersNoUnit("%d/%d", decor.WCSyncWidth),
		),
		mpb.AppendDecorators(decor.Any(figures)),
	}
}

// Log returns where lines meant for w go while the reporter runs: on a
// terminal, above the bars, so that nothing prints into them; otherwise
// w itself.
func (r *Reporter) Log(w io.Writer) io.Writer {
	if !r.Terminal() {
		return w
	}
	return &above{r: r, w: w}
}

// above writes through the bars while they are shown, and to w after.
type above struct {
	r *Reporter
	w io.Writer
}

func (a *above) Write(p []byte) (int, error) {
	a.r.mu.Lock()
	closed := a.r.closed
	a.r.mu.Unlock()
	if closed {
		return a.w.Write(p)
	}
	n, err := a.r.bars.Write(p)
	if err != nil {
		return a.w.Write(p)
	}
	return n, nil
}
