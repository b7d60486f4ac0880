import { createContext, useContext } from 'react'

/** True in the embed view: nodes cannot be renamed (React Flow already stops moves and links). */
export const ReadOnlyContext = createContext(false)

export const useReadOnly = () => useContext(ReadOnlyContext)
