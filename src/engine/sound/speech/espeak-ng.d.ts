/** The Emscripten factory of @echogarden/espeak-ng-emscripten (the package ships no types). */
declare module '@echogarden/espeak-ng-emscripten' {
  const init: (options?: object) => Promise<unknown>;
  export default init;
}
