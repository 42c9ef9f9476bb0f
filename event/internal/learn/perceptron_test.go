package main

import (
	"reflect"
	"testing"
)

// The classifier must learn what its examples separate and give the same
// weights for the same seed: the experiment's numbers are reproducible only
// if training is.
func TestPerceptronLearnsAndIsDeterministic(t *testing.T) {
	exs := []example{
		{[]string{"bias", "l=attack", "d=obj|village"}, "ASSAULT"},
		{[]string{"bias", "l=attack", "d=obj|plan"}, "ACCUSE"},
		{[]string{"bias", "l=criticise", "d=obj|plan"}, "ACCUSE"},
		{[]string{"bias", "l=meet", "d=obl|minister"}, "CONSULT"},
		{[]string{"bias", "l=shell", "d=obj|village"}, "ASSAULT"},
	}
	m := train(exs, 10, 1)
	for _, tc := range []struct {
		name  string
		feats []string
		want  string
	}{
		{"an attack on a place is an assault", []string{"bias", "l=attack", "d=obj|village"}, "ASSAULT"},
		{"an attack on a plan is criticism", []string{"bias", "l=attack", "d=obj|plan"}, "ACCUSE"},
		{"a meeting is consultation", []string{"bias", "l=meet", "d=obl|minister"}, "CONSULT"},
	} {
		if got, _ := m.predict(tc.feats); got != tc.want {
			t.Errorf("%s: got %s, want %s", tc.name, got, tc.want)
		}
	}
	if !reflect.DeepEqual(m.w, train(exs, 10, 1).w) {
		t.Error("two trainings with the same seed differ")
	}
}
