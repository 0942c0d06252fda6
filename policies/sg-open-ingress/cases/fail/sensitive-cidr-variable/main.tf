# Marking the source sensitive hides it from output, not from the policy: SSH is still open to the internet.
variable "admin_cidrs" {
  type      = list(string)
  sensitive = true
  default   = ["0.0.0.0/0"]
}

resource "aws_security_group" "bastion" {
  name = "bastion"

  ingress {
    description = "SSH"
    from_port   = 22
    to_port     = 22
    protocol    = "tcp"
    cidr_blocks = var.admin_cidrs
  }
}

# The sensitive() function marks a value the same way.
resource "aws_security_group" "rdp" {
  name = "rdp"

  ingress {
    from_port        = 3389
    to_port          = 3389
    protocol         = "tcp"
    ipv6_cidr_blocks = sensitive(["::/0"])
  }
}
