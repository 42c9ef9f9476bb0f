package event

import (
	"testing"
	"time"
)

// Verbal versus physical attack, and sport and business senses: the object
// and the context decide whether a violent verb is an assault.
func TestSenses(t *testing.T) {
	tests := []struct {
		name, text string
		want       string // PLOVER type that must be coded, "" for none
		not        string // PLOVER type that must not be coded
	}{
		{"attack on a plan is criticism", "The French foreign minister attacked the German plan for the border.", "ACCUSE", "ASSAULT"},
		{"attack on policies is criticism", "Labour leaders and the Scottish government attacked each other's policies on fishing.", "ACCUSE", "ASSAULT"},
		{"physical attack stays", "Turkish troops attacked Kurdish positions in Syria.", "ASSAULT", ""},
		{"fight against an abstract noun", "The Indian government will combat disinformation before the vote.", "", "ASSAULT"},
		{"effort to win is no fight", "The Labour Party and the Scottish government battle to win the vote.", "", "ASSAULT"},
		{"sports win is no assault", "Argentina defeated Germany in the final on Sunday.", "", "ASSAULT"},
		{"a kick in a match is no assault", "Felipe Contepomi kicked Ireland out of the game with a penalty.", "", "ASSAULT"},
		{"a kick elsewhere stays", "Police officers kicked the Kurdish protesters in Ankara.", "ASSAULT", ""},
		{"one crowd does not make a sports report", "Soldiers attacked the Kurdish protesters in Ankara.\n\nThe crowd fled.", "ASSAULT", ""},
		{"a sports report makes its sentences contests", "Wales beat Ireland in the final.\n\nThe Welsh side scored three tries.\n\nThe coach praised the crowd.\n\nThe fans sang in the stadium.\n\nRuddock's men attacked Ireland from the start.", "", "ASSAULT"},
		{"figurative particle", "Italian officials fired up the crowd before the vote.", "", "ASSAULT"},
		{"a warning of what may happen is no threat", "The Russian government warned that the deficit would hamper growth.", "", "THREATEN"},
		{"a parenthetical warning is no threat", "Growth will slow, the Russian government warned.", "", "THREATEN"},
		{"a warning of the warner's own act is a threat", "The Russian government warned that it would take action against Ukraine.", "THREATEN", ""},
		{"a warning in the first person is a threat", "Russia warned Ukraine that we will not sit on our hands.", "THREATEN", ""},
		{"the first accused is a noun", "The first accused, a Russian officer, denied the charges in a Kiev court.", "", "ACCUSE"},
		{"appealing to voters pleases them", "The Russian government's plan will appeal to women voters.", "", "REQUEST"},
		{"appealing to someone to act is a request", "Iraq appealed to Egyptian officials to end the embargo.", "REQUEST", ""},
		{"appealing to someone for something is a request", "Iraq appealed to Egyptian officials for help.", "REQUEST", ""},
		{"appealing to a state is a request", "Iraq appealed to Egypt.", "REQUEST", ""},
		{"releasing hostages is a release", "The Taliban released two American hostages on Tuesday.", "RETREAT", ""},
		{"released films are no release", "The Japanese government released two films in 2004.", "", "RETREAT"},
		{"a released transcript is no release", "The transcript of the call with President Zelensky was released by the White House.", "", "RETREAT"},
		{"giving information is no cooperation", "The Russian government gave no details of the payment.", "", "COOPERATE"},
		{"sending markets up is no aid", "The Chinese government's move sent shares higher.", "", "AID"},
		{"sending aid stays", "The Chinese government sent food aid to Nepal.", "AID", ""},
		{"releasing figures is no release", "The Indian government will release its results on Monday.", "", "AGREE"},
		{"rejecting an allegation is a denial", "The Russian government rejected allegations that it had poisoned the opposition leader.", "", "REJECT"},
		{"dismissing speculation is a denial", "The Russian government dismissed speculation that the minister would resign.", "", "REJECT"},
		{"rejecting a plan stays a rejection", "The Russian government rejected the Ukrainian peace plan.", "REJECT", ""},
		{"engaging in talks is no fight", "The Russian government engaged in dirty tricks before the vote.", "", "ASSAULT"},
		{"engaging in fighting is an assault", "Russian troops engaged in heavy fighting with Ukrainian forces.", "ASSAULT", ""},
		{"demonstrating a view is no protest", "The Russian government demonstrated that its plan had worked.", "", "PROTEST"},
		{"demonstrating in a square is a protest", "Russian students demonstrated in Moscow against the government.", "PROTEST", ""},
		{"demonstrating this week is a protest", "Russian students demonstrated this week against the government in Moscow.", "PROTEST", ""},
		{"an appeal to the public is exhortation", "The Russian government urged voters to reject the Ukrainian plan.", "", "REQUEST"},
		{"encouraging those released from jail is exhortation", "The Russian government encouraged those recently released from jail to find work.", "", "SUPPORT"},
		{"an appeal to those countries stays a request", "The Russian government urged those countries to reject the Ukrainian plan.", "REQUEST", ""},
		{"an appeal to a government stays a request", "The Russian government urged the Ukrainian government to reject the plan.", "REQUEST", ""},
		{"no response is no rejection", "The Russian government did not offer a response to the Ukrainian request.", "", "REJECT"},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				if e.PLOVER == tt.not {
					t.Errorf("coded %s %s (%q)", e.PLOVER, e.CAMEO, e.Trigger)
				}
				found = found || e.PLOVER == tt.want
			}
			if tt.want != "" && !found {
				t.Errorf("want a %s event", tt.want)
			}
		})
	}
}
