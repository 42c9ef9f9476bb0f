package event

import (
	"testing"
	"time"
)

// Sending and delivering are aid only with aid, arms, troops or money for
// object; providing, supplying and donating keep their default of aid.
func TestSendingNeedsAid(t *testing.T) {
	tests := []struct {
		name, text string
		aid        bool
	}{
		{"money sent", "Britain sent money to Sierra Leone in May.", true},
		{"aid delivered", "The United Nations delivered humanitarian aid to Darfur.", true},
		{"food provided", "The United Nations will provide 20,000 tons of food to refugees in Chad.", true},
		{"a ship provided with", "The United States will provide the Philippine navy with a ship.", true},
		{"a player sent off", "The England captain was sent off against France.", false},
		{"messages sent", "The government sent out thousands of leaflets to voters.", false},
		{"a promise delivered", "The Labour government has delivered a stable economy.", false},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := false
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				got = got || e.PLOVER == "AID" || e.CAMEORoot == "03" && e.CAMEO >= "033" && e.CAMEO < "034"
			}
			if got != tt.aid {
				t.Errorf("aid %v, want %v", got, tt.aid)
			}
		})
	}
}
