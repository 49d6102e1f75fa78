package entities

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"
)

func TestDebugPrint(t *testing.T) {
	if os.Getenv("DBG") == "" {
		t.Skip()
	}
	files, _ := filepath.Glob("../../shared/examples/articles/*.txt")
	for _, f := range files {
		b, _ := os.ReadFile(f)
		r := Recognize(NewDoc(string(b)), nil)
		fmt.Println("==", filepath.Base(f))
		for _, e := range r.Entities {
			var ms []string
			for _, m := range e.Mentions {
				ms = append(ms, m.Text)
			}
			fmt.Printf("%s [%s] %q\n", e.Name, e.Kind, ms)
		}
	}
}
