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
	name := positionPath(t.shard)
	data, err := ix.fetch(name)
	if err != nil {
		return err
	}
	sh := ix.shards[t.shard]
	d := &decoder{b: data}
	headLen := len(t.posts)
	for k := t.tails - 1; k > t.next; k-- {
		headLen -= blockSize
	}
	for _, tn := range sh.order {
		b := d.bytes(d.int())
		if tn == t.term {
			pd := &decoder{b: b}
			readPositions(pd, t, t.posts[:headLen])
			if err := pd.wrap(positionPath(t.shard)); err != nil {
				return err
			}
			break
		}
	}
	if err := d.wrap(name); err != nil {
		return err
	}
	start := headLen
	for k := t.tails - 1; k > t.next; k-- {
		if err := ix.readTailPositions(t, k, t.posts[start:start+blockSize]); err != nil {
			return err
		}
		start += blockSize
	}
	return nil
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
