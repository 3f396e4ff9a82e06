package build

import "newsgen/generator/config"

func importSeeds(o Options, cfg *config.Config, rep *Report) error { return nil }

// Import brings seeds/ into content/ without building.
func Import(o Options) (*Report, error) {
	o.fill()
	rep := &Report{}
	cfg, err := LoadConfig(o)
	if err != nil {
		return rep, err
	}
	return rep, importSeeds(o, cfg, rep)
}
