/** Where the hub serves the web chat's parts (one definition for the hub's routes, the loader and the frame). */
export const WIDGET_SCRIPT_PATH = '/widget.js';
export const FRAME_PATH = '/webchat/frame';
export const FRAME_SCRIPT_PATH = '/webchat/frame.js';
export const FRAME_CSS_PATH = '/webchat/frame.css';
