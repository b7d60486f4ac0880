import '@xyflow/react/dist/style.css'
import './app/styles.css'
import { boot } from './app/boot'

boot(document.getElementById('root')!)
