package copies

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/storyline-news/storyline/textproc"
)

const alignBase = "The regional council voted on Tuesday to expand the tram network to the northern suburbs by the end of the decade, officials said."

func TestAlign(t *testing.T) {
	filler := "Meanwhile the weather stayed cold and the harbour remained closed to smaller boats for most of the week."
	tests := []struct {
		name     string
		a, b     string
		minWords int
		want     []string // passage texts (from a), in order
	}{
		{"identical", alignBase, alignBase, 12, []string{strings.TrimSuffix(alignBase, ".")}},
		{"excerpt inside other text", filler + " " + alignBase + " " + filler, "Something else entirely happened there. " + alignBase + " Another unrelated ending follows now.", 12,
			[]string{strings.TrimSuffix(alignBase, ".")}},
		{"changed word", alignBase, strings.Replace(alignBase, "expand", "extend", 1), 12, []string{strings.TrimSuffix(alignBase, ".")}},
		{"dropped word", alignBase, strings.Replace(alignBase, "by the end", "by end", 1), 12, []string{strings.TrimSuffix(alignBase, ".")}},
		{"curly quotes and spelling", "He said the “organisation will recognise the red lines” of the alliance and act on the request quickly.",
			"He said the \"organization will recognize the red lines\" of the alliance and act on the request quickly.", 12,
			[]string{"He said the “organisation will recognise the red lines” of the alliance and act on the request quickly"}},
		{"too short", "Officials said the tram network will grow.", "Later officials said the tram network will grow.", 12, nil},
		{"below minimum but shared", alignBase, alignBase, 40, nil},
		{"many edits break it", alignBase, "The city council decided in May to build the bus network to the western suburbs before the end of the year, sources said.", 8, nil},
		{"reordered paragraphs", alignBase + "\n\n" + filler, filler + "\n\n" + alignBase, 12,
			[]string{strings.TrimSuffix(alignBase, "."), strings.TrimSuffix(filler, ".")}},
		{"empty", "", alignBase, 12, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			da, db := prepare(tc.a), prepare(tc.b)
			spans := align(da.hs, db.hs, tc.minWords)
			var got []string
			ra := []rune(tc.a)
			for _, s := range spans {
				got = append(got, string(ra[da.start(s.a0):da.end(s.a1-1)]))
			}
			if len(got) != len(tc.want) {
				t.Fatalf("got %q, want %q", got, tc.want)
			}
			// spans come in b order; compare as sets
			for _, w := range tc.want {
				found := false
				for _, g := range got {
					found = found || g == w
				}
				if !found {
					t.Errorf("missing %q in %q", w, got)
				}
			}
		})
	}
}

// TestAlignLinear checks that aligning texts twice as long costs about
// twice as much work, by counting token comparisons indirectly through
// the number of runs on a highly repetitive text.
func TestAlignRepetitive(t *testing.T) {
	// a text of one repeated sentence must not blow up (every seed has
	// many positions) and must still report the shared span
	rep := strings.Repeat("the talks will go on and on and on. ", 400)
	da, db := prepare(rep), prepare(rep)
	spans := align(da.hs, db.hs, 12)
	if len(spans) == 0 {
		t.Fatal("no span on identical repetitive texts")
	}
	covered := 0
	for _, s := range spans {
		covered += s.b1 - s.b0
	}
	if covered < len(db.hs)*9/10 {
		t.Fatalf("covered %d of %d tokens", covered, len(db.hs))
	}
}

func TestQuoteMask(t *testing.T) {
	tests := []struct {
		text   string
		inside string
		out    string
	}{
		{"He said “we are ready” and left.", "we are ready", "left"},
		{"He said \"we are ready\" and left.", "we are ready", "left"},
		{"Он сказал: «мы готовы» и ушёл.", "мы готовы", "ушёл"},
		{"“First paragraph of a long quote\n“Second part” he said.", "First paragraph", "he said"},
	}
	for _, tc := range tests {
		m := quoteMask(tc.text)
		rs := []rune(tc.text)
		i := strings.Index(string(rs), tc.inside)
		is := len([]rune(tc.text[:i]))
		if !m[is] {
			t.Errorf("%q: %q not inside quotes", tc.text, tc.inside)
		}
		o := len([]rune(tc.text[:strings.Index(tc.text, tc.out)]))
		if m[o] {
			t.Errorf("%q: %q inside quotes", tc.text, tc.out)
		}
	}
}

// TestBucketSort checks the sort of an article's shingle hashes against
// the standard library's, at sizes on both sides of its cut-over, for
// hashes spread evenly (small buckets, sorted whole) and with small
// values bunched into one bucket (sorted bucket by bucket).
func TestBucketSort(t *testing.T) {
	r := rand.New(rand.NewPCG(11, 12))
	var buf []uint32
	for _, n := range []int{0, 1, 63, 64, 65, 500, 4096, 200_000} {
		for _, bunched := range []bool{false, true} {
			a := make([]uint32, n)
			for i := range a {
				a[i] = r.Uint32()
				if bunched && i%7 == 0 {
					a[i] &= 0xff // small values and repeats
				}
				if !bunched && i%5 == 0 && i > 0 {
					a[i] = a[i-1] // repeats
				}
			}
			want := slices.Clone(a)
			slices.Sort(want)
			buf = bucketSort(a, buf)
			if !slices.Equal(a, want) {
				t.Errorf("n=%d bunched=%v: not sorted like slices.Sort", n, bunched)
			}
		}
	}
}

// wordHashes returns the full hashes of the words of text, from which
// shingles and fingerprints are computed.
func wordHashes(text string) []uint64 {
	_, _, wide := prepareWith(nil, nil, text)
	return wide
}

// TestDocOffsets checks the word offsets a doc keeps against the
// tokenizer's, words longer than a length byte holds included.
func TestDocOffsets(t *testing.T) {
	long := strings.Repeat("x", 300)
	tests := []struct{ name, text string }{
		{"plain", "The mayor said on Tuesday that the plan would cost more."},
		{"non-ASCII", "Пресс-секретарь «Кремля» сказал: всё идёт по плану"},
		{"long words", "a " + long + " b " + strings.Repeat("é", 254) + " c " + strings.Repeat("y", 255)},
		{"empty", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := prepare(tc.text)
			tt := textproc.Tokenize(nil, tc.text)
			if len(d.hs) != len(tt) {
				t.Fatalf("%d words, want %d", len(d.hs), len(tt))
			}
			for i, tk := range tt {
				if int(d.start(i)) != tk.Start || int(d.end(i)) != tk.End {
					t.Errorf("word %d at [%d, %d), want [%d, %d)", i, d.start(i), d.end(i), tk.Start, tk.End)
				}
			}
		})
	}
}

// TestAlignFromSecond checks that aligning with the seed table of the
// second text (an arrival aligned with candidates of smaller ids) finds
// exactly the spans that building the first text's table finds, on pairs
// with shared passages, small edits, and seeds repeated many times over
// a vocabulary small enough for chance matches. One aligner serves every
// trial, as one serves every arrival, so that what a longer text left in
// its scratch is there for the next.
func TestAlignFromSecond(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	var al aligner
	for trial := range 3000 {
		vocab := uint16(4 + r.IntN(200))
		word := func() uint16 { return uint16(r.IntN(int(vocab))) }
		var a, b []uint16
		for len(a) < 20+r.IntN(600) {
			switch r.IntN(4) {
			case 0: // a passage in both, with an edit or two
				n := 5 + r.IntN(40)
				for range n {
					w := word()
					a = append(a, w)
					switch r.IntN(30) {
					case 0: // changed
						b = append(b, word())
					case 1: // dropped
					case 2: // added
						b = append(b, w, word())
					default:
						b = append(b, w)
					}
				}
			case 1:
				a = append(a, word())
			default:
				b = append(b, word())
			}
		}
		want := slices.Clone(align(a, b, 12))
		prime(&al, b)
		got := alignWith(&al, a, b, 12)
		if !slices.Equal(got, want) {
			t.Fatalf("trial %d (vocabulary %d, %d and %d words): from b's table %v, from a's %v", trial, vocab, len(a), len(b), got, want)
		}
		// the table of b stays for the next alignment, and b may be first
		if !holds(&al, b) || !slices.Equal(alignWith(&al, b, a, 12), align(b, a, 12)) {
			t.Fatalf("trial %d: b's table not kept or b first differs", trial)
		}
	}
}
