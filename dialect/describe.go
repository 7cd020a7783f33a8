package dialect

// Describe returns the database's own message for a driver error, with the
// detail and hint the database gives, for error output. Dialects provide
// it with a DescribeError method; otherwise it is err.Error().
func Describe(d Dialect, err error) string {
	if ed, ok := d.(interface{ DescribeError(error) string }); ok {
		return ed.DescribeError(err)
	}
	return err.Error()
}
