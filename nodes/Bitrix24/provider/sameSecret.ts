export { sameSecret } from '../../core/security/sameSecret';
