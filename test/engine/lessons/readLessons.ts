import { readMarkdownFiles } from '../../support/readMarkdownFiles';

/** The lesson files of the course, as the build and the app see them: `lessons/NN-name.md`, in order. */
export function readLessonFiles(): { file: string; text: string }[] {
  return readMarkdownFiles('lessons');
}
