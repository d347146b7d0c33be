package sqlstate

// OneByOne has Load run every statement of src on its own in a scratch
// database, as it did before batches and scratch schemas: the reference
// the fast paths' results are compared with.
func OneByOne(src Source) Source {
	src.hooks = hooksOf(src)
	src.hooks.oneByOne = true
	return src
}

// BatchesOf has Load send n statements per batch.
func BatchesOf(src Source, n int) Source {
	src.hooks = hooksOf(src)
	src.hooks.batchStmts = n
	return src
}

// OnScratch has Load tell f the kind ("schema" or "database") and name of
// every scratch schema and database it makes.
func OnScratch(src Source, f func(kind, name string)) Source {
	src.hooks = hooksOf(src)
	src.hooks.made = f
	return src
}

// ShardsOf has Load give each scratch database n groups of statements
// when the dialect can split the models (ScratchSharder), and tell f how
// many scratch databases it split them over.
func ShardsOf(src Source, n int, f func(shards int)) Source {
	src.hooks = hooksOf(src)
	src.hooks.shardGroups = n
	src.hooks.sharded = f
	return src
}

// NoShards has Load run the models in one scratch database even where the
// dialect could split them.
func NoShards(src Source) Source {
	src.hooks = hooksOf(src)
	src.hooks.noShards = true
	return src
}

func hooksOf(src Source) *testHooks {
	h := testHooks{}
	if src.hooks != nil {
		h = *src.hooks
	}
	return &h
}

// LoadReport says how LoadCached got its result.
type LoadReport = loadReport

// Reporting has LoadCached tell f how each load went.
func Reporting(c Cache, f func(LoadReport)) Cache {
	c.report = f
	return c
}
