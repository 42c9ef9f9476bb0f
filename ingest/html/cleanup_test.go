package html

import (
	"strings"
	"testing"
)

func TestCleanupRules(t *testing.T) {
	story := "The ministers met for four hours on Tuesday, officials said."
	more := "More than 600 people attended the talks, according to the organisers."
	tests := []struct {
		name, text, title, want string
	}{
		{"headline repeating the title", "Talks resume in Geneva\n\n" + story, "Talks resume in Geneva | The Daily Example", story},
		{"headline near the title", "Talks resume in Geneva after pause\n\n" + story, "Talks Resume In Geneva After Pause", story},
		{"first paragraph unlike the title kept", "Negotiators met again.\n\n" + story, "Talks resume in Geneva", "Negotiators met again.\n\n" + story},
		{"related line", story + "\n\nRelated: Ten photos of the summit\n\n" + more, "", story + "\n\n" + more},
		{"heading alone", story + "\n\nMost read\n\n" + more, "", story + "\n\n" + more},
		{"sentence starting with More kept", story + "\n\n" + more, "", story + "\n\n" + more},
		{"trailing follow and newsletter", story + "\n\nFollow Newsbeat on Instagram, Facebook and Twitter.\n\nGet the latest updates in your inbox. Subscribe to our newsletters.", "", story},
		{"leading timestamp and byline", "Published 11:11 PM EST Nov 19, 2019\n\nBy Jane Doe\n\n" + story, "", story},
		{"leading sentence with a time kept", "By 10:30 the talks had ended.\n\n" + story, "", "By 10:30 the talks had ended.\n\n" + story},
		{"wire taglines", story + "\n\nAdditional reporting by Jane Doe\n\nFollow AP's full coverage of the talks at https://apnews.com/talks", "", story},
		{"boilerplate words inside the story kept", "Subscribe, she said, was the word of the year.\n\n" + story, "", "Subscribe, she said, was the word of the year.\n\n" + story},
		{"only the tail is cut", story + "\n\nFiled under: Politics\n\n" + more, "", story + "\n\nFiled under: Politics\n\n" + more},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := cleanup(tt.text, tt.title, defaultRules); got != tt.want {
				t.Errorf("cleanup:\n got %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestCleanupNeverEmptiesAnArticle(t *testing.T) {
	got := cleanup("Subscribe to our newsletter", "", defaultRules)
	if strings.TrimSpace(got) == "" {
		t.Error("a one-paragraph body was removed")
	}
}
