package sqlite

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline"
	"github.com/storyline-news/storyline/textproc"
	"github.com/zeebo/xxh3"
)

// TestCodecFields fails when a type the codec writes gains or loses a
// field: codec.go must then learn it, or the field would be lost.
func TestCodecFields(t *testing.T) {
	for _, tc := range []struct {
		v    any
		want []string
	}{
		{storyline.DateMention{}, []string{"Date", "Text", "Start", "End", "Precision"}},
		{storyline.Entity{}, []string{"Name", "Kind", "Mentions"}},
		{storyline.Mention{}, []string{"Text", "Start", "End"}},
		{storyline.Citation{}, []string{"Source", "Text", "Start", "End"}},
		{storyline.Passage{}, []string{"AStart", "AEnd", "BStart", "BEnd", "Text", "Quote"}},
	} {
		typ := reflect.TypeOf(tc.v)
		var got []string
		for f := range typ.Fields() {
			got = append(got, f.Name)
		}
		if !slices.Equal(got, tc.want) {
			t.Errorf("%s has fields %v; the codec writes %v: update codec.go", typ, got, tc.want)
		}
	}
}

func TestCodecRoundTrip(t *testing.T) {
	tests := []struct {
		name  string
		dates []storyline.DateMention
		ents  []storyline.Entity
		cited []storyline.Citation
	}{
		{name: "none"},
		{
			name:  "one of each",
			dates: []storyline.DateMention{{Date: "2021-12-07", Text: "7 декабря", Start: 10, End: 19, Precision: storyline.PrecisionDay}},
			ents: []storyline.Entity{{Name: "Дмитрий Песков", Kind: storyline.Person,
				Mentions: []storyline.Mention{{Text: "Песков", Start: 0, End: 6}, {Text: "пресс-секретарь", Start: 40, End: 55}}}},
			cited: []storyline.Citation{{Source: "ТАСС", Text: "сообщает ТАСС", Start: 70, End: 83}},
		},
		{
			name: "nil and empty mentions, negative and large offsets, empty strings",
			ents: []storyline.Entity{
				{Name: "A", Kind: storyline.Organization},
				{Name: "", Kind: "", Mentions: []storyline.Mention{}},
				{Name: "B", Kind: storyline.Place, Mentions: []storyline.Mention{{Text: "", Start: -1, End: 1 << 40}}},
				// Empty, not nil, and last: its count is all that follows.
				{Name: "C", Kind: storyline.Person, Mentions: []storyline.Mention{}},
			},
			dates: []storyline.DateMention{{Date: "2024", Start: -5, End: 0}},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a := storyline.Article{Dates: tc.dates, Entities: tc.ents, Cited: tc.cited}
			d, e, c := encoded(&a)
			bytesOf := func(v any) []byte {
				if v == nil {
					return nil
				}
				return v.([]byte)
			}
			dates, err := decodeDates(bytesOf(d))
			if err != nil || !reflect.DeepEqual(dates, tc.dates) {
				t.Errorf("dates = %#v, %v; want %#v", dates, err, tc.dates)
			}
			ents, err := decodeEntities(bytesOf(e))
			if err != nil || !reflect.DeepEqual(ents, tc.ents) {
				t.Errorf("entities = %#v, %v; want %#v", ents, err, tc.ents)
			}
			cited, err := decodeCited(bytesOf(c))
			if err != nil || !reflect.DeepEqual(cited, tc.cited) {
				t.Errorf("cited = %#v, %v; want %#v", cited, err, tc.cited)
			}
		})
	}
}

// TestPassageCodec round-trips copies' passages and reads them as
// earlier versions wrote them (JSON), and fails on damaged values.
func TestPassageCodec(t *testing.T) {
	for _, ps := range [][]storyline.Passage{
		nil,
		{{AStart: 0, AEnd: 59, BStart: 884, BEnd: 943, Text: "в Кремле заявили, что"}},
		{{AStart: 10, AEnd: 20, BStart: 30, BEnd: 40, Text: "a \"quoted\" line", Quote: true},
			{AStart: -1, AEnd: 1 << 40, Text: ""}},
	} {
		var b []byte
		if v := encodePassages(ps); v != nil {
			b = v.([]byte)
		}
		got, err := decodePassages(b)
		if err != nil || !reflect.DeepEqual(got, ps) {
			t.Errorf("passages = %#v, %v; want %#v", got, err, ps)
		}
		if ps == nil {
			continue
		}
		js, err := json.Marshal(ps)
		if err != nil {
			t.Fatal(err)
		}
		if got, err := decodePassages(js); err != nil || !reflect.DeepEqual(got, ps) {
			t.Errorf("passages from JSON = %#v, %v; want %#v", got, err, ps)
		}
		if len(b) < len(js)*2/3 {
			continue
		}
		t.Errorf("encoded passages take %d bytes, JSON %d", len(b), len(js))
	}
	v := encodePassages([]storyline.Passage{{AStart: 1, AEnd: 2, Text: "x", Quote: true}}).([]byte)
	bad := slices.Clone(v)
	bad[len(bad)-1] = 2 // neither false nor true
	for name, b := range map[string][]byte{"truncated": v[:len(v)-1], "bad quote flag": bad, "extra": append(slices.Clone(v), 0)} {
		if _, err := decodePassages(b); !errors.Is(err, errCodec) {
			t.Errorf("%s: error %v, want errCodec", name, err)
		}
	}
}

// BenchmarkPassageCodec encodes and decodes the passages of a copy as
// the copy finder reports them (two passages of some 400 bytes).
func BenchmarkPassageCodec(b *testing.B) {
	ps := []storyline.Passage{
		{AStart: 1358, AEnd: 1417, BStart: 884, BEnd: 943, Text: strings.Repeat("a plumber, told the paper ", 16)},
		{AStart: 227, AEnd: 296, BStart: 465, BEnd: 541, Text: strings.Repeat("between them make ", 22), Quote: true},
	}
	b.ReportAllocs()
	for b.Loop() {
		v := encodePassages(ps).([]byte)
		if _, err := decodePassages(v); err != nil {
			b.Fatal(err)
		}
	}
}

// TestCodecReadsJSON reads the columns as earlier versions wrote them.
func TestCodecReadsJSON(t *testing.T) {
	want := []storyline.Entity{{Name: "Kremlin", Kind: storyline.Organization, Mentions: []storyline.Mention{{Text: "Kremlin", Start: 3, End: 10}}}}
	js, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := decodeEntities(js)
	if err != nil || !reflect.DeepEqual(got, want) {
		t.Errorf("entities from JSON = %#v, %v; want %#v", got, err, want)
	}
	if got, err := decodeDates([]byte("null")); err != nil || got != nil {
		t.Errorf("dates from JSON null = %#v, %v", got, err)
	}
}

// TestCodecMalformed checks that damaged values fail rather than decode
// to something else.
func TestCodecMalformed(t *testing.T) {
	v := encodeEntities([]storyline.Entity{{Name: "Kremlin", Kind: storyline.Organization,
		Mentions: []storyline.Mention{{Text: "Kremlin", Start: 3, End: 10}}}}).([]byte)
	cases := map[string][]byte{
		"unknown version": append([]byte{9}, v[1:]...),
		"extra bytes":     append(slices.Clone(v), 0),
		"huge count":      {codecVersion, 0xff, 0xff, 0xff, 0xff, 0x0f},
	}
	for n := 1; n < len(v); n++ {
		cases["truncated"+string(rune('a'+n%26))+string(rune('a'+n/26))] = v[:n]
	}
	for name, b := range cases {
		if _, err := decodeEntities(b); err == nil {
			t.Errorf("%s: decoded %x without error", name, b)
		} else if !errors.Is(err, errCodec) {
			t.Errorf("%s: error %v, want errCodec", name, err)
		}
	}
}

// TestQuoteKey checks the quote_keys token of a key: its kind and the 16
// hex digits of its hash, as stored files hold them.
func TestQuoteKey(t *testing.T) {
	for _, tc := range []struct {
		kind byte
		key  string
	}{{'p', "dmitry peskov"}, {'t', "stm-1"}, {'p', ""}, {'t', "ё"}} {
		want := fmt.Sprintf("%c%016x", tc.kind, xxh3.HashString(tc.key))
		if got := quoteKey(tc.kind, tc.key); got != want {
			t.Errorf("quoteKey(%c, %q) = %q, want %q", tc.kind, tc.key, got, want)
		}
	}
	qs := []storyline.Quote{{Speaker: "Dmitry Peskov", Statement: "s1"}, {Speaker: "dmitry  peskov", Statement: "s1"}, {Speaker: "", Statement: "s2"}}
	want := quoteKey('p', textproc.Normalize("Dmitry Peskov")) + " " + quoteKey('t', "s1") + " " + quoteKey('t', "s2")
	if got := quoteTokens(qs); got != want {
		t.Errorf("quoteTokens = %q, want %q", got, want)
	}
}
