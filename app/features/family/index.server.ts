export * from './family.server';
export * from './young-person.server';
export * from './children.server';
export * from './child-form.server';
