"""Reports of a Summary: the summary workbook with native charts, the HTML page and the PDF."""
