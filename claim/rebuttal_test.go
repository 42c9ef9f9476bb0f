package claim

import (
	"strings"
	"testing"

	"github.com/parley-news/parley"
)

// TestAnswersDisputeTheCharge guards that a charge against an entity and
// the answer that follows it are one disputed claim: an answer that says
// it answers ("defended"), or the target's own words about the charge;
// and that the target's words about something else, an answer far from
// the charge, an ACCUSE event that is no charge ("disappointed") or a
// thing withheld ("denied access") make no dispute.
func TestAnswersDisputeTheCharge(t *testing.T) {
	const charge = "The Conservative Party was accused on Wednesday of trying to deceive voters with a renamed account."
	tests := []struct {
		name    string
		text    string
		trigger string // the ACCUSE event's trigger, whose evidence is the first sentence
		speaker string // the answering quote's speaker, entity 2 (entity 1 is the target)
		cue     string
		content string
		want    []string // sources of the disputed claim; nil for none
	}{
		{"a defence answers the charge",
			charge + "\n\nForeign Secretary Dominic Raab defended the party's actions, saying the account was clearly linked to the Conservatives.",
			"accused", "Foreign Secretary Dominic Raab", "saying", "the account was clearly linked to the Conservatives",
			[]string{"unnamed critics", "Foreign Secretary Dominic Raab"}},
		{"the target's words about the charge answer it",
			charge + "\n\nThe Conservative Party said its account had never tried to deceive anyone.",
			"accused", "", "said", "its account had never tried to deceive anyone",
			[]string{"unnamed critics", "The Conservative Party"}},
		{"the target's words about something else do not",
			charge + "\n\nThe Conservative Party said its manifesto would be published on Sunday.",
			"accused", "", "said", "its manifesto would be published on Sunday", nil},
		{"a defence far from the charge does not",
			charge + strings.Repeat("\n\nThe debate went on.", 5) + "\n\nDominic Raab defended the party's record, saying taxes had fallen.",
			"accused", "Dominic Raab", "saying", "taxes had fallen", nil},
		{"a thing withheld answers no charge",
			charge + "\n\nThe Conservative Party denied access to its accounts.",
			"accused", "", "denied", "access to its accounts", nil},
		{"an act that is no charge is not answered",
			charge + "\n\nDominic Raab defended the party's actions, saying the account was clearly linked to the Conservatives.",
			"disappointed", "Dominic Raab", "saying", "the account was clearly linked to the Conservatives", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			target, speaker := parley.EntityRef(1), parley.EntityRef(2)
			name := tt.speaker
			if name == "" {
				speaker, name = target, "The Conservative Party"
			}
			q := quote(tt.text, speaker, name, tt.cue, tt.content)
			at := strings.LastIndex(tt.text, "\n") + 1
			q.SpeakerSpan = parley.Span{Start: at, End: at + len(name)}
			c := strings.LastIndex(tt.text, tt.cue)
			q.CueSpan = parley.Span{Start: c, End: c + len(tt.cue)}
			d := doc(tt.text, []parley.Quote{q})
			for len(d.Entities) < 2 {
				d.AddEntity(parley.Entity{Type: parley.Person, Name: tt.speaker})
			}
			d.Entities[0] = parley.Entity{Type: parley.Organization, Name: "The Conservative Party"}
			d.Events = []parley.Event{{PLOVER: "ACCUSE", CAMEO: "112", Target: target, Trigger: tt.trigger,
				Evidence: parley.Span{Start: 0, End: len(charge)}}}
			Find(d)
			var got []string
			for _, st := range disputedStances(d) {
				got = append(got, st.SourceName)
			}
			if strings.Join(got, "|") != strings.Join(tt.want, "|") {
				t.Errorf("disputed claim sources %q, want %q", got, tt.want)
			}
		})
	}
}

// TestDeniedAllegationNamesItsSource guards that the source of a denied
// allegation is found in the denial's words: a possessor, written with an
// ASCII apostrophe or in lower case, or the agent after "by" or "from",
// also after a participle of making, past the content ("the claims, made
// in a new memoir");
// and that a proposal ("suggestions from X") is no allegation.
func TestDeniedAllegationNamesItsSource(t *testing.T) {
	tests := []struct {
		name, text, cue, content string
		want                     string // the asserting source; "" for no dispute
	}{
		{"a capitalised possessor", "Merrill Lynch denied Ms Villalba's claims of unequal pay.", "denied", "Ms Villalba's claims of unequal pay", "Ms Villalba"},
		{"a lower-case possessor", "The mayor rejected the opposition's claim that the budget was falsified.", "rejected", "the opposition's claim that the budget was falsified", "the opposition"},
		{"the agent after by", "The minister denied claims by the union that hospitals were understaffed.", "denied", "claims by the union that hospitals were understaffed", "the union"},
		{"the agent of a participle", "The panel rejected the claim made by some landlords that rents were falling.", "rejected", "the claim made by some landlords that rents were falling", "some landlords"},
		{"the agent of a participle after the content", "The ministry denied the claims, made in a new memoir by a former aide.", "denied", "the claims", "a new memoir"},
		{"a participle with no agent", "The ministry denied the claims, made public on Monday.", "denied", "the claims", "unnamed reports"},
		{"a contention's possessor", "The coach rejected Robinson's contention that England dominated the forward play.", "rejected", "Robinson's contention that England dominated the forward play", "Robinson"},
		{"a contraction is no possessor", "Morgan said the money is not being spent well, and that's quite a criticism.", "said", "the money is not being spent well, and that's quite a criticism", ""},
		{"the possessor stops at a preposition", "Marvel said the court did not rule on Lee's claims to a share of profits.", "said", "the court did not rule on Lee's claims to a share of profits", "Lee"},
		{"a proposal is no allegation", "Morrison said he did not always follow through on suggestions from Sondland.", "said", "he did not always follow through on suggestions from Sondland", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			q := quote(tt.text, 1, "Speaker", tt.cue, tt.content)
			d := doc(tt.text, []parley.Quote{q})
			Find(d)
			got := ""
			for _, st := range disputedStances(d) {
				if st.Stance == parley.Asserts {
					got = st.SourceName
				}
			}
			if got != tt.want {
				t.Errorf("asserting source %q, want %q (claims %+v)", got, tt.want, d.Claims)
			}
		})
	}
}

// TestPlaceholderAccuserGivesWay guards the "unnamed accusers" behind a
// denial of charges: made only for an explicit denial ("will not be
// bringing charges" denies nothing), and replaced by the charge the denial
// answers when the text names who made it.
func TestPlaceholderAccuserGivesWay(t *testing.T) {
	t.Run("no accuser behind a negative statement", func(t *testing.T) {
		s := "The association said it will not be bringing charges over the tunnel incident."
		d := doc(s, []parley.Quote{quote(s, 1, "The association", "said", "it will not be bringing charges over the tunnel incident")})
		Find(d)
		if len(d.Claims) != 0 {
			t.Errorf("want no claim, got %+v", d.Claims)
		}
	})
	t.Run("the named charge replaces the placeholder", func(t *testing.T) {
		s := "Prosecutors have alleged that Ebbers directed the fraud at the firm.\n\nEbbers has denied all the charges."
		charge := quote(s, 1, "Prosecutors", "alleged", "Ebbers directed the fraud at the firm")
		charge.CueSpan = parley.Span{Start: strings.Index(s, "alleged"), End: strings.Index(s, "alleged") + len("alleged")}
		denial := quote(s, 2, "Ebbers", "denied", "all the charges")
		denial.CueSpan = parley.Span{Start: strings.Index(s, "denied"), End: strings.Index(s, "denied") + len("denied")}
		d := doc(s, []parley.Quote{charge, denial})
		d.Events = []parley.Event{{PLOVER: "ACCUSE", CAMEO: "112", Source: 1, Target: 2, Trigger: "alleged",
			Evidence: parley.Span{Start: 0, End: strings.Index(s, "\n")}}}
		Find(d)
		var got []string
		for _, st := range disputedStances(d) {
			got = append(got, st.SourceName+" "+string(st.Stance))
		}
		if want := "Prosecutors asserts|Ebbers denies"; strings.Join(got, "|") != want {
			t.Errorf("disputed claim stances %q, want %q", got, want)
		}
	})
}

// disputedStances returns the stances of d's disputed claims, in order.
func disputedStances(d *parley.Doc) []parley.ClaimStance {
	var out []parley.ClaimStance
	for _, c := range d.Claims {
		if c.Status == parley.Disputed {
			out = append(out, c.Stances...)
		}
	}
	return out
}

// TestAnaphoricDismissalsJoin guards that a second dismissal of "the
// claims" joins the first one's claim rather than the statement just
// before it, which a source other than the dismisser asserted: the
// spokesman stands in exactly one claim, the mayor's office's.
func TestAnaphoricDismissalsJoin(t *testing.T) {
	txt := "The mayor's office has denied the claims. Ms Ferrow said she gave her honest view that the depot sale was lawful. A spokesman for the mayor also rejected the claims."
	qs := []parley.Quote{
		quote(txt, 1, "The mayor's office", "denied", "the claims"),
		quote(txt, 2, "Ms Ferrow", "said", "she gave her honest view that the depot sale was lawful"),
	}
	at := strings.LastIndex(txt, "the claims")
	qs = append(qs, parley.Quote{Speaker: 3, SpeakerName: "A spokesman for the mayor", Cue: "rejected",
		Content: parley.Span{Start: at, End: at + len("the claims")}})
	d := doc(txt, qs)
	Find(d)
	var with []string
	for _, c := range d.Claims {
		var names []string
		for _, st := range c.Stances {
			names = append(names, st.SourceName)
		}
		if joined := strings.Join(names, "|"); strings.Contains(joined, "A spokesman for the mayor") {
			with = append(with, joined)
		}
	}
	if len(with) != 1 || !strings.Contains(with[0], "The mayor's office") || strings.Contains(with[0], "Ms Ferrow") {
		t.Errorf("the second dismissal is in claims %q, want exactly one, with the mayor's office and without Ms Ferrow", with)
	}
}

// TestChargeSubjectNamesTheAccuser guards that a charge the event layer
// gave no source is made by the entity mentioned just before its trigger,
// auxiliaries and adverbs of time between ("Fenwick is currently suing"),
// and that a passive ("has been criticised") or a trigger with no mention
// before it keeps its critics unnamed. The trigger is the token the event
// layer recorded, not the first word of the evidence spelt like it.
func TestChargeSubjectNamesTheAccuser(t *testing.T) {
	tests := []struct {
		name, text, subject, trigger string
		last                         bool // the trigger is the last of its spellings in the text
		want                         bool // the subject's entity is the source
	}{
		{"an active charge", "Fenwick is currently suing the council over the depot.", "Fenwick", "suing", false, true},
		{"an active charge with no auxiliary", "Fenwick sued the council over the depot.", "Fenwick", "sued", false, true},
		{"a passive charge", "The council has been criticised over the depot by residents.", "The council", "criticised", false, false},
		{"no mention before the trigger", "Residents are suing the council over the depot.", "", "suing", false, false},
		{"the trigger, not an earlier word spelt like it", "Tenants who sued before now say Fenwick sued the council over the depot.", "Fenwick", "sued", true, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := doc(tt.text, nil)
			var ref parley.EntityRef
			if tt.subject != "" {
				ref = d.AddEntity(parley.Entity{Type: parley.Organization, Name: tt.subject})
				from := strings.Index(tt.text, tt.subject)
				sp := parley.Span{Start: from, End: from + len(tt.subject)}
				d.AddMentions(parley.Mention{Span: sp, First: int32(d.TokenAt(sp.Start)), Last: int32(d.TokenAt(sp.End-1) + 1), Entity: ref, Kind: parley.NameMention})
			}
			at := strings.Index(tt.text, tt.trigger)
			if tt.last {
				at = strings.LastIndex(tt.text, tt.trigger)
			}
			e := parley.Event{PLOVER: "ACCUSE", Trigger: tt.trigger, TriggerToken: int32(d.TokenAt(at) + 1), Evidence: parley.Span{Start: 0, End: len(tt.text) - 1}}
			got := chargeSubject(d, e)
			if (got != 0 && got == ref) != tt.want {
				t.Errorf("chargeSubject = %v, want the subject: %v", got, tt.want)
			}
		})
	}
}
