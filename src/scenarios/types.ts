/** The scenario types live in the model, so the store and the UI can hold scenarios too. */
export * from '../model/scenario'
