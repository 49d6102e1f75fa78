package entities

import (
	"strings"
	"unicode/utf8"
)

// Word forms: lower case without allocating, and the Russian case
// endings that stem folds so that the forms of a name share a key.

// lowerAs returns strings.ToLower(w) for the word w of a token whose term
// is term: term itself, or its start, when folding changed nothing but
// case, as for most words.
func lowerAs(w, term string) string {
	if len(w) > 0 && len(term) >= len(w) {
		// most often the word is the term with a capital: the first
		// code point lowers to the term's, as long, and the rest is the
		// term's, whose code points lowering leaves as they are; first
		// for an ASCII capital, without a call
		if c := w[0]; 'A' <= c && c <= 'Z' && term[0] == c+'a'-'A' && w[1:] == term[1:len(w)] {
			return term[:len(w)]
		}
		r, size := rune(w[0]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(w)
		}
		if t, tsize := utf8.DecodeRuneInString(term); tsize == size && toLower(r) == t && w[size:] == term[size:len(w)] {
			return term[:len(w)]
		}
		i := 0
		for ; i < len(w) && w[i] < utf8.RuneSelf; i++ {
			c := w[i]
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			if term[i] != c {
				return strings.ToLower(w)
			}
		}
		if i == len(w) {
			return term[:i] // ASCII, as most names
		}
	}
	j := 0
	for _, r := range w {
		l := toLower(r)
		t, size := utf8.DecodeRuneInString(term[j:])
		if size == 0 || t != l {
			return strings.ToLower(w)
		}
		j += size
	}
	return term[:j]
}

// stem folds Russian case endings off a lower-case word so that "пескова"
// and "песков" share a key. Latin words are returned unchanged.
func stem(w string) string {
	if len(w) < 5 {
		return w // fewer than five code points
	}
	if first, _ := utf8.DecodeRuneInString(w); first < 'а' || first > 'я' {
		return w
	}
	n := utf8.RuneCountInString(w)
	if n < 5 {
		return w
	}
	switch last, _ := utf8.DecodeLastRuneInString(w); last {
	case 'о', 'у', 'и', 'м', 'й', 'ю', 'я', 'а', 'е', 'ы':
	default:
		return w // no case ending ends so
	}
	for _, suf := range caseEndings {
		if strings.HasSuffix(w, suf.text) && n-suf.runes >= 4 {
			return w[:len(w)-len(suf.text)]
		}
	}
	return w
}

// caseEndings are the Russian endings stem folds off, longest first,
// with their length in code points.
var caseEndings = func() []struct {
	text  string
	runes int
} {
	var out []struct {
		text  string
		runes int
	}
	for _, e := range []string{"ого", "ому", "ыми", "ым", "ом", "ой", "ою", "ую", "ий", "ая", "а", "у", "е", "ы", "и", "я", "ю"} {
		out = append(out, struct {
			text  string
			runes int
		}{e, utf8.RuneCountInString(e)})
	}
	return out
}()
