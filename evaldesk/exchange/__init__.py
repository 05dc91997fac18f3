"""Reports to and from files: the JSON form, the bureau's workbook. No Qt."""
