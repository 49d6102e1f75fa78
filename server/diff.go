package server

import (
	"regexp"
	"strings"

	"github.com/storyline-news/storyline/textproc"
)

// diffSegment is a run of words of one side of a passage, marked when the
// other side does not have them.
type diffSegment struct {
	Text    string
	Changed bool
}

// wordRE matches a word with the white space after it, or leading space.
var wordRE = regexp.MustCompile(`\S+\s*|\s+`)

// maxDiffWords caps the words compared; longer passages are shown
// without marks rather than with a quadratic cost.
const maxDiffWords = 600

// wordDiff marks the words each of two renderings of a passage has that
// the other lacks, by a longest common subsequence of words compared in
// normalised form. Both results are nil when the texts are too long.
func wordDiff(a, b string) ([]diffSegment, []diffSegment) {
	wa, wb := wordRE.FindAllString(a, -1), wordRE.FindAllString(b, -1)
	if len(wa) > maxDiffWords || len(wb) > maxDiffWords {
		return nil, nil
	}
	key := func(w string) string { return textproc.Normalize(strings.TrimSpace(w)) }
	ka, kb := make([]string, len(wa)), make([]string, len(wb))
	for i, w := range wa {
		ka[i] = key(w)
	}
	for i, w := range wb {
		kb[i] = key(w)
	}
	// lcs[i][j] is the LCS length of ka[i:] and kb[j:].
	n, m := len(ka), len(kb)
	lcs := make([]uint16, (n+1)*(m+1))
	at := func(i, j int) uint16 { return lcs[i*(m+1)+j] }
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			v := max(at(i+1, j), at(i, j+1))
			if ka[i] == kb[j] {
				v = at(i+1, j+1) + 1
			}
			lcs[i*(m+1)+j] = v
		}
	}
	inA, inB := make([]bool, n), make([]bool, m)
	for i, j := 0, 0; i < n && j < m; {
		switch {
		case ka[i] == kb[j]:
			inA[i], inB[j] = true, true
			i++
			j++
		case at(i+1, j) >= at(i, j+1):
			i++
		default:
			j++
		}
	}
	return segments(wa, inA, ka), segments(wb, inB, kb)
}

// segments joins consecutive words with the same mark. White space alone
// is never marked.
func segments(words []string, common []bool, keys []string) []diffSegment {
	var out []diffSegment
	for i, w := range words {
		changed := !common[i] && keys[i] != ""
		if len(out) > 0 && out[len(out)-1].Changed == changed {
			out[len(out)-1].Text += w
			continue
		}
		out = append(out, diffSegment{Text: w, Changed: changed})
	}
	return out
}
