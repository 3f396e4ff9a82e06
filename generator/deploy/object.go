package deploy

// Object is one file of the site as the bucket should hold it.
type Object struct {
	// Size is the file's length in bytes.
	Size int64 `json:"size"`
	// MD5 is the hex MD5 of the file's bytes, as object stores report it;
	// "" means unknown, as for an upload that may not have finished.
	MD5 string `json:"md5"`
	// Type and Cache are the Content-Type and Cache-Control it was
	// uploaded with; "" means unknown (a bucket listing does not say).
	Type  string `json:"type,omitempty"`
	Cache string `json:"cache,omitempty"`
}

// same reports whether the bucket's copy r needs no new upload of o: the
// same bytes, and the same headers where the bucket's are known.
func (o Object) same(r Object) bool {
	if r.MD5 == "" || o.Size != r.Size || o.MD5 != r.MD5 {
		return false
	}
	return (r.Type == "" || r.Type == o.Type) && (r.Cache == "" || r.Cache == o.Cache)
}
