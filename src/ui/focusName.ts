/** One inspector shows one node, so its name field has a fixed id that actions can focus. */
export const NAME_FIELD_ID = 'inspector-name'

/** Put the cursor in the selected node's name, all of it selected, ready to be typed over. */
export function focusNameField() {
  const input = document.getElementById(NAME_FIELD_ID)
  if (input instanceof HTMLInputElement) {
    input.focus()
    input.select()
  }
}

