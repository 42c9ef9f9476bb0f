package event

import (
	"strings"

	"github.com/parley-news/parley"
)

// threatening reports whether a warning (the verb "warn" at t, coded 130)
// threatens: the warned content is an act of the warner or a penalty
// ("warned that we would act", "warned any buyer that they would face
// litigation") or a demand on the addressee ("warned Iran to stop",
// "warned against"). A warning that something may happen ("the IMF warned
// that the deficit would hamper growth", "…, he warned.") is a pessimistic
// comment, a statement rather than an event.
func (c *Coder) threatening(s *sentence, t trig) bool {
	k := t.last
	// the addressee: "warned the Russian government that …"
	for j := k; j < len(s.words) && j < k+6; j++ {
		w := s.words[j]
		if w == "THAT" || w == "TO" || w == "AGAINST" || s.kinds[j] != parley.Word {
			k = j
			break
		}
	}
	if k >= len(s.words) {
		return false
	}
	switch s.words[k] {
	case "TO", "AGAINST":
		// "warned people to stay away from infected areas": advice to the
		// public, not a demand on an adversary.
		return !publicBetween(s, t.last, k)
	}
	for j := k; j < len(s.words) && j < k+30; j++ {
		if s.words[j] == ";" {
			break
		}
		if c.classes.at("threat_content", s.words, j) > 0 {
			return true
		}
	}
	return false
}

// publicBetween reports whether an actor in [a, b) is the public: people
// or civilians (CAMEO PPL, CVL) with no country or role beside it.
func publicBetween(s *sentence, a, b int) bool {
	for _, x := range s.actors {
		code := x.actorCode()
		if x.first >= a && x.first < b && (strings.HasSuffix(code, "PPL") || strings.HasSuffix(code, "CVL")) {
			return true
		}
	}
	return false
}
