package revision

import (
	"math/rand/v2"
	"testing"
)

// Benchmark graphs: 10,000 revisions, either one line or a trunk with 100
// side branches that fork and merge back. Ids are random 12-hex strings
// and load order is sorted by id, as with real files.
func benchGraphs() map[string][]*Revision {
	return map[string][]*Revision{
		"linear":  genLinear(rand.New(rand.NewPCG(1, 1)), 10000),
		"branchy": genBranchy(rand.New(rand.NewPCG(2, 2)), 10000, 100),
	}
}

func BenchmarkNew10k(b *testing.B) {
	for name, revs := range benchGraphs() {
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				if _, err := New(revs); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPlanUpgradeHeads10k(b *testing.B) {
	for name, revs := range benchGraphs() {
		g, err := New(revs)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := g.PlanUpgrade(nil, "heads")
				if err != nil || len(p.Steps) != len(revs) {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkPlanDowngradeBase10k(b *testing.B) {
	for name, revs := range benchGraphs() {
		g, err := New(revs)
		if err != nil {
			b.Fatal(err)
		}
		rows := ids(g.RealHeads())
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				p, err := g.PlanDowngrade(rows, "base")
				if err != nil || len(p.Steps) != len(revs) {
					b.Fatal(err)
				}
			}
		})
	}
}

func BenchmarkHistory10k(b *testing.B) {
	for name, revs := range benchGraphs() {
		g, err := New(revs)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				h, err := g.History("", nil)
				if err != nil || len(h) != len(revs) {
					b.Fatal(err)
				}
			}
		})
		b.Run(name+"/lines", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				h, _ := g.History("", nil)
				for _, r := range h {
					_ = g.HistoryLine(r, false)
				}
			}
		})
	}
}

func BenchmarkResolvePrefix10k(b *testing.B) {
	revs := benchGraphs()["linear"]
	g, err := New(revs)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	k := 0
	for b.Loop() {
		id := revs[k%len(revs)].ID
		if _, err := g.Resolve(id[:8]); err != nil {
			b.Fatal(err)
		}
		k++
	}
}
