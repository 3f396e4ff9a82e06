package progress

import (
	"io"

	"github.com/vbauerster/mpb/v8"
	"github.com/vbauerster/mpb/v8/decor"
)

// barOptions show a stage's count, total, percent, rate and time left.
func barOptions(name string) []mpb.BarOption {
	return []mpb.BarOption{
		mpb.PrependDecorators(
			decor.Name(name, decor.WC{W: 7, C: decor.DindentRight}),
			decor.CountersNoUnit("%d/%d", decor.WCSyncWidth),
		),
		mpb.AppendDecorators(
			decor.Percentage(decor.WC{W: 5}),
			decor.AverageSpeed(nil, " %.0f/s", decor.WCSyncWidth),
			decor.AverageETA(decor.ET_STYLE_GO, decor.WC{W: 8}),
			decor.Name(" left"),
		),
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
