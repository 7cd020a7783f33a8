// Command braindump uses the database retort migrated: it writes a user
// with two notes, deletes the user, and shows the notes went too.
package main

import (
	"fmt"
	"log"
	"os"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"github.com/retortdb/retort/examples/gorm/models"
)

func main() {
	path := "app.db"
	if len(os.Args) > 1 {
		path = os.Args[1]
	}
	db, err := gorm.Open(sqlite.Open(path+"?_pragma=foreign_keys(1)"), &gorm.Config{Logger: logger.Discard})
	if err != nil {
		log.Fatal(err)
	}
	ann := models.User{Email: "ann@example.com", Notes: []models.Note{{Body: "buy milk"}, {Body: "call bob"}}}
	if err := db.Create(&ann).Error; err != nil {
		log.Fatal(err)
	}
	if err := db.Unscoped().Delete(&ann).Error; err != nil {
		log.Fatal(err)
	}
	var left int64
	if err := db.Model(&models.Note{}).Where("author_id = ?", ann.ID).Count(&left).Error; err != nil {
		log.Fatal(err)
	}
	fmt.Printf("deleted %s: %d of her notes left\n", ann.Email, left)
}
