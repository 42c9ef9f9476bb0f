package html

import (
	"context"
	"strings"
	"testing"
	"time"
	"unicode/utf8"
)

func FuzzExtract(f *testing.F) {
	f.Add(article(body...))
	f.Add(`<html><body><p>x</p></body></html>`)
	f.Add("<meta charset=\"shift_jis\"><p>\x82\xa0\x82\xa2</p>")
	f.Add("<table><tr><td><p>a<td>b</table><br><br>")
	f.Fuzz(func(t *testing.T, page string) {
		start := time.Now()
		d, err := Options{MaxBytes: 1 << 20}.Extract(context.Background(), strings.NewReader(page), "https://example.com/a")
		if el := time.Since(start); el > 5*time.Second {
			t.Errorf("extraction of %d bytes took %v", len(page), el)
		}
		if err != nil {
			return
		}
		if !utf8.ValidString(d.Text) {
			t.Errorf("text is not valid UTF-8: %q", d.Text)
		}
	})
}
