package freelist

import "testing"

func TestList(t *testing.T) {
	var l List[[]byte]
	a, b, c := l.Get(), l.Get(), l.Get()
	if a == b || b == c {
		t.Fatal("an empty list gave one value twice")
	}
	*a = append(*a, 'a')
	l.Put(a, 2)
	l.Put(b, 2)
	l.Put(c, 2) // past max: dropped
	if l.Len() != 2 {
		t.Fatalf("%d values idle, want 2", l.Len())
	}
	if got := l.Get(); got != b {
		t.Errorf("Get = %p, want the value put last %p", got, b)
	}
	if got := l.Get(); got != a || string(*got) != "a" {
		t.Errorf("Get = %p %q, want %p \"a\", kept as it was", got, *got, a)
	}
	if got := l.Get(); got == c {
		t.Error("a value put past max was kept")
	}
}
