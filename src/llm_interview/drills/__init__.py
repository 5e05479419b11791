"""手撕代码: coding drills a reader writes and tests in the browser (Pyodide) or with pytest."""
