// Package models is the braindump's schema, declared as GORM models:
// retort reads them as the desired schema (schema = ["gorm:./models"]).
package models

import "gorm.io/gorm"

// User writes notes; deleting a user deletes them (the cascade GORM's
// AutoMigrate never adds to an existing table, and retort does).
type User struct {
	gorm.Model
	Email string `gorm:"size:255;not null;uniqueIndex"`
	Notes []Note `gorm:"foreignKey:AuthorID;constraint:OnDelete:CASCADE"`
}

// Note is one note of a user.
type Note struct {
	ID       uint   `gorm:"primaryKey"`
	AuthorID uint   `gorm:"not null;index"`
	Body     string `gorm:"not null"`
}
