package search

// Positions are read only for the terms of phrases.

// loadPositions makes sure the positions of every known posting of t are
// at hand: the head's from the shard's positions file, each read tail
// block's from its own file.
func (ix *Index) loadPositions(t *termInfo) error {
	if t.positions != nil {
		return nil
	}
	t.positions = map[uint32][]uint32{}
	if t.recent > 0 {
		if err := ix.loadRecentPositions(t); err != nil {
			return err
		}
	}
	if !t.inShard {
		return nil
	}
	name := positionPath(t.shard)
	data, err := ix.fetch(name)
	if err != nil {
		return err
	}
	sh := ix.shards[t.shard]
	d := &decoder{b: data}
	headLen := len(t.posts) - t.recent
	for k := t.tails - 1; k > t.next; k-- {
		headLen -= blockSize
	}
	for _, tn := range sh.order {
		b := d.bytes(d.int())
		if tn == t.term {
			pd := &decoder{b: b}
			readPositions(pd, t, t.posts[t.recent:t.recent+headLen])
			if err := pd.wrap(positionPath(t.shard)); err != nil {
				return err
			}
			break
		}
	}
	if err := d.wrap(name); err != nil {
		return err
	}
	start := t.recent + headLen
	for k := t.tails - 1; k > t.next; k-- {
		if err := ix.readTailPositions(t, k, t.posts[start:start+blockSize]); err != nil {
			return err
		}
		start += blockSize
	}
	return nil
}

// loadRecentPositions reads the positions of a term's recent postings
// from r.bin.
func (ix *Index) loadRecentPositions(t *termInfo) error {
	if ix.recentPos == nil {
		data, err := ix.fetch(recentPath)
		if err != nil {
			return err
		}
		ix.recentPos = map[string][]byte{}
		d := &decoder{b: data}
		for range d.int() {
			name := d.string()
			ix.recentPos[name] = d.bytes(d.int())
		}
		if err := d.wrap(recentPath); err != nil {
			return err
		}
	}
	d := &decoder{b: ix.recentPos[t.term]}
	readPositions(d, t, t.posts[:t.recent])
	return d.wrap(recentPath)
}

func (ix *Index) readTailPositions(t *termInfo, k int, block []post) error {
	name := tailPositionPath(t.shard, t.term, k)
	data, err := ix.fetch(name)
	if err != nil {
		return err
	}
	d := &decoder{b: data}
	readPositions(d, t, block)
	return d.wrap(name)
}

// readPositions reads the positions of the given postings, in order.
func readPositions(d *decoder, t *termInfo, posts []post) {
	for _, p := range posts {
		n := d.int()
		pos := make([]uint32, 0, n)
		prev := uint32(0)
		for range n {
			prev += uint32(d.uvarint())
			pos = append(pos, prev)
		}
		t.positions[p.id] = pos
	}
}
