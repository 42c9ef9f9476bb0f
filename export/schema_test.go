package export

import (
	"encoding/json"
	"os"
	"reflect"
	"strings"
	"testing"
)

// TestSchemaDocumentsEveryField keeps docs/schema.json in step with the JSON
// shape: every field the code writes is a property of the schema, and the
// schema describes no field the code does not write.
func TestSchemaDocumentsEveryField(t *testing.T) {
	raw, err := os.ReadFile("../docs/schema.json")
	if err != nil {
		t.Fatal(err)
	}
	var schema struct {
		Properties map[string]json.RawMessage `json:"properties"`
		Defs       map[string]struct {
			Properties map[string]json.RawMessage `json:"properties"`
		} `json:"$defs"`
	}
	if err := json.Unmarshal(raw, &schema); err != nil {
		t.Fatalf("docs/schema.json: %v", err)
	}
	check := func(name string, typ reflect.Type, props map[string]json.RawMessage) {
		seen := map[string]bool{}
		for i := 0; i < typ.NumField(); i++ {
			tag := strings.Split(typ.Field(i).Tag.Get("json"), ",")[0]
			if tag == "" || tag == "-" {
				continue
			}
			seen[tag] = true
			if _, ok := props[tag]; !ok {
				t.Errorf("%s.%s is written but not in docs/schema.json", name, tag)
			}
		}
		for p := range props {
			if !seen[p] {
				t.Errorf("docs/schema.json describes %s.%s, which the code does not write", name, p)
			}
		}
	}
	check("document", reflect.TypeOf(Document{}), schema.Properties)
	for def, typ := range map[string]reflect.Type{
		"entity": reflect.TypeOf(Entity{}), "mention": reflect.TypeOf(Mention{}), "quote": reflect.TypeOf(Quote{}),
		"event": reflect.TypeOf(Event{}), "claim": reflect.TypeOf(Claim{}), "stance": reflect.TypeOf(Stance{}),
		"span": reflect.TypeOf(Span{}),
	} {
		check(def, typ, schema.Defs[def].Properties)
	}
}
