package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"reflect"
	"testing"

	"github.com/storyline-news/storyline/gen"
)

// generatedLines returns n lines as storyline gen writes them.
func generatedLines(t testing.TB, n int) [][]byte {
	t.Helper()
	var buf bytes.Buffer
	if _, err := gen.WriteJSONL(context.Background(), &buf, gen.Options{Articles: n, Seed: 7}); err != nil {
		t.Fatal(err)
	}
	var lines [][]byte
	sc := bufio.NewScanner(&buf)
	sc.Buffer(nil, 1<<24)
	for sc.Scan() {
		lines = append(lines, bytes.Clone(sc.Bytes()))
	}
	return lines
}

func TestScanTruthMatchesUnmarshal(t *testing.T) {
	lines := []string{
		`{"id":"a1","cluster":"e1","story":"s1","text":"plain"}`,
		` { "id" : 7 , "cluster" : "e\"1" , "story":"s\u00e91", "copy_of": null } `,
		`{"ID":"x","Cluster":"e2","STORY":"s2","Copy_Kind":"partial","copy_of":"y"}`,
		`{"id":"dup","cluster":"first","cluster":"second"}`,
		`{"id":"q","quotes":[{"text":"he said \"}]{\" twice","speaker":"A"}],"story":"s"}`,
		`{"id":"n","meta":{"a":[1,2,{"b":"]}"}],"c":true},"cluster":"e","x":-1.5e3,"y":false}`,
		`{"id":"e","text":"a\\b\\\\","cluster":""}`,
		`{}`,
		`{"id":"u","cluster":"событие","story":"сюжет 🙂"}`,
	}
	for _, l := range generatedLines(t, 300) {
		lines = append(lines, string(l))
	}
	for _, l := range lines {
		var got, want truthRecord
		if !scanTruth([]byte(l), &got) {
			t.Errorf("scanTruth refused %.80s", l)
			continue
		}
		if err := json.Unmarshal([]byte(l), &want); err != nil {
			t.Fatalf("test line is not JSON: %v: %.80s", err, l)
		}
		if !reflect.DeepEqual(got, want) {
			t.Errorf("scanTruth(%.80s)\n got %+v\nwant %+v", l, got, want)
		}
	}
}

func TestScanTruthRefusesMalformed(t *testing.T) {
	for _, l := range []string{
		``,
		`[]`,
		`{"id":"a"`,
		`{"id":"a",}`,
		`{"id" "a"}`,
		`{"id":"a"} trailing`,
		`{"id":"unterminated}`,
		"{\"id\":\"ctl\x01\"}",
		`{"meta":{"a":[1,2}],"id":"a"}`,
		`{"meta":{"a":"x"},"id":}`,
		`{"cluster":5,"id":"a"}`, // a number where a string must be
		`{"i\u0064":"escaped key"}`,
		`{id:"a"}`,
	} {
		var r truthRecord
		if scanTruth([]byte(l), &r) {
			t.Errorf("scanTruth accepted %q as %+v", l, r)
		}
	}
}

// BenchmarkTruthRecord reads the truth of generated lines with scanTruth
// and, for comparison, with json.Unmarshal.
func BenchmarkTruthRecord(b *testing.B) {
	lines := generatedLines(b, 2000)
	var size int64
	for _, l := range lines {
		size += int64(len(l))
	}
	for _, bc := range []struct {
		name string
		read func([]byte, *truthRecord) bool
	}{
		{"scan", scanTruth},
		{"unmarshal", func(l []byte, r *truthRecord) bool { return json.Unmarshal(l, r) == nil }},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.SetBytes(size / int64(len(lines)))
			var r truthRecord
			k := 0
			for b.Loop() {
				if !bc.read(lines[k%len(lines)], &r) {
					b.Fatal("refused a generated line")
				}
				k++
			}
		})
	}
}
