package cluster

import (
	"context"
	"os"
	"strconv"
	"testing"
)

func TestSweepTmp(t *testing.T) {
	if os.Getenv("SWEEP") == "" {
		t.Skip()
	}
	for _, th := range []float64{0.2, 0.25, 0.3, 0.35, 0.4, 0.45} {
		line := ""
		for _, set := range evalSets {
			ls := readLabeled(t, set.path)
			gold := map[string]string{}
			for _, l := range ls {
				gold[l.ID] = l.Cluster
			}
			mt, _ := strconv.ParseFloat(os.Getenv("MT"), 64)
			na, _ := strconv.ParseFloat(os.Getenv("NA"), 64)
			c := New(Options{EventThreshold: th, MergeThreshold: mt, NameAgreement: na})
			ev := map[string]string{}
			for _, l := range dateOrder(ls) {
				as, ms, _ := c.Assign(context.Background(), l.article(), nil)
				ev[l.ID] = as.Event
				for _, m := range ms {
					if m.Level == "event" {
						for id, e := range ev {
							if e == m.From {
								ev[id] = m.Into
							}
						}
					}
				}
			}
			p, r, f := pairF1(gold, ev)
			line += set.name + " " + strconv.FormatFloat(p, 'f', 3, 64) + " " + strconv.FormatFloat(r, 'f', 3, 64) + " " + strconv.FormatFloat(f, 'f', 3, 64) + "   "
		}
		t.Log(th, line)
	}
}

func TestDumpTmp(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	th, _ := strconv.ParseFloat(os.Getenv("DUMP"), 64)
	for _, set := range evalSets {
		ls := readLabeled(t, set.path)
		c := New(Options{EventThreshold: th})
		ev := map[string]string{}
		for _, l := range dateOrder(ls) {
			as, ms, _ := c.Assign(context.Background(), l.article(), nil)
			ev[l.ID] = as.Event
			for _, m := range ms {
				if m.Level == "event" {
					for id, e := range ev {
						if e == m.From {
							ev[id] = m.Into
						}
					}
				}
			}
		}
		writePred(t, "/tmp/ev/"+set.name+".dump.jsonl", ls, ev)
	}
}
