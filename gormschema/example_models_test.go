package gormschema_test

import (
	"time"

	"gorm.io/gorm"
)

// The models of the golden tests: the braindump pair, a many-to-many
// with its join table, indexes, unique and check constraints, defaults,
// and every foreign-key action option.
type User struct {
	gorm.Model
	Email string `gorm:"size:255;not null;uniqueIndex"`
	Name  string `gorm:"size:100;default:'anonymous'"`
	Notes []Note `gorm:"foreignKey:AuthorID;constraint:OnDelete:CASCADE,OnUpdate:SET NULL"`
	Tags  []Tag  `gorm:"many2many:user_tags"`
}

type Note struct {
	ID       uint   `gorm:"primaryKey"`
	AuthorID *uint  `gorm:"index"`
	Body     string `gorm:"not null"`
	Score    int    `gorm:"default:0;check:score_nonnegative,score >= 0"`
	Rank     int    `gorm:"default:1;check:rank > 0"`
	Created  time.Time
}

type Tag struct {
	ID   uint   `gorm:"primaryKey"`
	Name string `gorm:"size:64;not null;unique"`
	Slug string `gorm:"size:64;not null;unique"`
}
