package event

import (
	"testing"
	"time"
)

// A month after "in" is a time, not a place of that name ("in March last
// year" is not the town of March); a city after "in" stays the place.
func TestMonthIsNoPlace(t *testing.T) {
	tests := []struct{ name, text, want string }{
		{"a month is no place", "Danish police arrested two Swedish men in March last year.", ""},
		{"a month with a day is no place", "Danish police arrested two Swedish men in May 2004.", ""},
		{"a city stays the place", "Danish police arrested two Swedish men in Copenhagen last year.", "Copenhagen"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			evs := c.CodeText(tt.text, time.Time{})
			if len(evs) == 0 {
				t.Fatal("no event")
			}
			got := ""
			if l := evs[0].Location; l != nil {
				got = l.Name
			}
			if got != tt.want {
				t.Errorf("location %q, want %q", got, tt.want)
			}
		})
	}
}
