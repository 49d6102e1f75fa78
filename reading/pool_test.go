package reading

import (
	"strings"
	"testing"

	"github.com/storyline-news/storyline/entities"
)

// TestDocPool checks that a docPool hands back the Docs put into it, up
// to maxIdleDocs, and does not keep a Doc grown for a long article.
func TestDocPool(t *testing.T) {
	var p docPool
	d := p.get()
	if d == nil {
		t.Fatal("get on an empty pool returned nil")
	}
	d.Reset("Dmitry Peskov said on Friday that the talks would go on.")
	p.put(d)
	if got := p.get(); got != d {
		t.Error("get did not return the Doc put back")
	}
	long := entities.NewDoc(strings.Repeat("word ", maxDocRunes/4))
	p.put(long)
	if p.list.Len() != 0 {
		t.Errorf("the pool kept a Doc of %d code points", len(long.Text))
	}
	for range maxIdleDocs + 5 {
		p.put(new(entities.Doc))
	}
	if p.list.Len() != maxIdleDocs {
		t.Errorf("the pool holds %d Docs, want %d", p.list.Len(), maxIdleDocs)
	}
}
