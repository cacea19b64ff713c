"""The side-bar pages added as the flow grows past the draw: one module per page, its dialogs beside it."""
