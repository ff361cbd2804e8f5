/** Renderers of a Plan: each takes a plan and returns a string; none decides anything. */
export { renderText, type TextRenderOptions } from './text';
export { renderMarkdown, codeSpan, GITHUB_COMMENT_LIMIT, type MarkdownRenderOptions } from './markdown';
export { renderJson, type JsonRenderOptions } from './json';
