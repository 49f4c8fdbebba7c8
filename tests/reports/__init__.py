"""Reports: summary model, workbook, page, PDF, commands and buttons."""
