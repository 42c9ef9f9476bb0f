package event

import (
	"strings"
	"testing"
	"time"
)

// Sense and modality on the parse (realis.go): a game's acts in a sports
// report, what is hoped, expected, wanted or requested, and acts whose
// subject is a thing are no events; the same acts by people, bodies and
// states stay.
func TestRealis(t *testing.T) {
	// Four sentences of a match report make the document a sports report.
	match := "The visitors scored two tries in the second half.\n\nTheir coach praised the crowd at the stadium.\n\nThe fans sang through the match.\n\nThe home side kicked a late penalty.\n\n"
	tests := []struct {
		name, text string
		want       string // PLOVER type that must be coded, "" for none
		not        string // PLOVER type that must not be coded
	}{
		{"a team's visit in a sports report is the game's", match + "Norway travelled to Copenhagen for the decider.", "", "CONSULT"},
		{"a team's seizure in a sports report is the game's", match + "Finland snatched an equaliser deep into stoppage time.", "", "COERCE"},
		{"a match in a sports report is no meeting", match + "Finland agreed to meet Norway in a friendly.", "", "AGREE"},
		{"a team that shocks its rivals in a sports report does not disapprove", match + "Norway shocked a tired Denmark with the opening goal.", "", "ACCUSE"},
		{"criticism in a sports report stays", match + "The club chairman criticised the German government.", "ACCUSE", ""},
		{"a minister's meeting in a sports report stays", match + "The Danish minister met German officials on Monday.", "CONSULT", ""},
		{"a state's meeting outside a sports report stays", "Norland met the Ostby club on Monday.\n\nThe Danish minister met German officials on Monday.", "CONSULT", ""},
		{"a team's captain is no army", match + "The Welsh captain agreed to join the Danish side.", "", "AGREE"},
		{"settling in a city is no concession", "Swedish officials settled in Copenhagen after the war.", "", "CONCEDE"},
		{"a call that comes as something happens is no visit", "The warning comes as the Danish minister flies to Oslo for a fisheries summit.", "", "CONSULT"},
		{"a visit to a city stays", "The Danish minister came to Stockholm for talks with Swedish officials.", "CONSULT", ""},
		{"meeting a demand is no meeting", "Danish fishing fleets have met most of the Swedish government's conditions.", "", "CONSULT"},
		{"offering voters a choice is no cooperation", "The Danish Liberal Party offered a clear choice on fishing quotas.", "", "AGREE"},
		{"offering aid stays an offer", "The Danish government offered Sweden emergency aid after the floods.", "AGREE", ""},
		{"meeting a government stays a meeting", "Danish officials have met the Swedish government in Malmo.", "CONSULT", ""},
		{"asking after a quoted question is a question", `"Who will pay for the damage?" the Danish minister asked on Swedish radio.`, "", "REQUEST"},
		{"a thing in a relative clause does not act", "The Danish minister said gales which lashed the coast had grounded the ferries.", "", "ASSAULT"},
		{"a thing in a relative clause does not force", "The Danish minister said the floods that forced the Swedish government to close schools had receded.", "", "COERCE"},
		{"a body in a relative clause acts", "The Danish minister said the Swedish army, which attacked the town, had withdrawn.", "ASSAULT", ""},
		{"a hoped-for act is none", "Ministers hope that the Danish government will accept the Swedish proposal.", "", "AGREE"},
		{"an act one is optimistic about is none", "Fishermen are optimistic that the German judges will side with the Danish fleet.", "", "AGREE"},
		{"a wanted withdrawal is none", "The Norwegian opposition leader wants to see a withdrawal of Norwegian troops from Mali.", "", "RETREAT"},
		{"a withdrawal that happened stays", "Norway began a withdrawal of Norwegian troops from Mali.", "RETREAT", ""},
		{"a thing does not impede", "German officials said higher fuel costs would impede Danish exports.", "", "REJECT"},
		{"a thing does not contribute", "The Danish minister said the new bridge would contribute to Nordic trade.", "", "AGREE"},
		{"a government still impedes", "The Danish government impeded the Swedish inquiry.", "REJECT", ""},
		{"talks that resumed are an act", "Danish officials said negotiations on fishing quotas have resumed between Denmark and Sweden.", "CONSULT", ""},
		{"a wrong subject over a name is no thing", "On Friday in Bergen, President Halvorsen discussed fishing quotas with Swedish officials.", "CONSULT", ""},
		{"people named by their job act", "A Norwegian shipowner is suing the Danish government over the quota.", "ACCUSE", ""},
		{"a wing of a group acts", "The Danish separatist faction refused to meet Swedish officials.", "REJECT", ""},
		{"a complement after a dash is not wanted", "Sweden and Norway want fishing quotas frozen - the European Commission has urged a rise.", "REQUEST", ""},
	}
	c := testCoder(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			found := false
			var got []string
			for _, e := range c.CodeText(tt.text, time.Time{}) {
				got = append(got, e.PLOVER+" "+e.CAMEO+" "+e.Trigger)
				if e.PLOVER == tt.not {
					t.Errorf("coded %s %s (%q)", e.PLOVER, e.CAMEO, e.Trigger)
				}
				found = found || e.PLOVER == tt.want
			}
			if tt.want != "" && !found {
				t.Errorf("want a %s event, got %s", tt.want, strings.Join(got, "; "))
			}
		})
	}
}
