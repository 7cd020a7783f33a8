package retort

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"errors"
	"fmt"

	"github.com/retortdb/retort/schema"
)

// entryMagic starts every cache entry. Its version changes with the
// format, so an entry written by another format is a miss.
const entryMagic = "retort desired-schema cache v2\n"

// An entry is entryMagic, the key (the SHA-256 of the inputs the schema
// was loaded from), the SHA-256 of the payload, and the payload: the
// schema in gob, which decodes several times faster than JSON.
const entryHeaderLen = len(entryMagic) + 2*sha256.Size

// encodeEntry returns the entry for s loaded from the inputs hashed into
// key. It fails when gob would not give s back exactly (it drops pointers
// to zero values, such as an empty default), so such a schema is not
// cached.
func encodeEntry(key [sha256.Size]byte, s *schema.Schema) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(entryHeaderLen + 64<<10)
	buf.WriteString(entryMagic)
	buf.Write(key[:])
	buf.Write(make([]byte, sha256.Size)) // payload checksum, filled in below
	if err := gob.NewEncoder(&buf).Encode(s); err != nil {
		return nil, fmt.Errorf("encoding the schema failed: %w", err)
	}
	data := buf.Bytes()
	sum := sha256.Sum256(data[entryHeaderLen:])
	copy(data[len(entryMagic)+sha256.Size:], sum[:])
	back, err := decodeEntry(data, key)
	if err != nil {
		return nil, err
	}
	if !sameModel(s, back) {
		return nil, errors.New("the schema does not survive encoding (a pointer to a zero value?)")
	}
	return data, nil
}

// decodeEntry returns the schema in data if data is a whole entry of this
// format, made from the inputs hashed into key, with an intact payload.
func decodeEntry(data []byte, key [sha256.Size]byte) (*schema.Schema, error) {
	if len(data) < entryHeaderLen || string(data[:len(entryMagic)]) != entryMagic {
		return nil, errors.New("not an entry of this format, or truncated")
	}
	stored := data[len(entryMagic) : len(entryMagic)+sha256.Size]
	if !bytes.Equal(stored, key[:]) {
		return nil, errors.New("it was made from other inputs")
	}
	want := data[len(entryMagic)+sha256.Size : entryHeaderLen]
	payload := data[entryHeaderLen:]
	if sum := sha256.Sum256(payload); !bytes.Equal(sum[:], want) {
		return nil, errors.New("its checksum does not match (edited or truncated)")
	}
	r := bytes.NewReader(payload)
	var s schema.Schema
	if err := gob.NewDecoder(r).Decode(&s); err != nil {
		return nil, fmt.Errorf("decoding it failed: %w", err)
	}
	if r.Len() != 0 {
		return nil, fmt.Errorf("%d bytes follow the schema", r.Len())
	}
	return &s, nil
}
