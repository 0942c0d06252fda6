resource "aws_security_group" "shared" {
  name   = "shared"
  vpc_id = "vpc-0a1b2c3d4e5f60718"
}

output "shared_group_id" {
  value = aws_security_group.shared.id
}
